-- KEYS: sessions, session-messages, member list. ARGV: session, ttl ms, max sessions, ids...
-- Returns 1, or -1 when a new session would exceed the session quota.
local ttl = tonumber(ARGV[2])
if not touch_session(KEYS[1], KEYS[2], ARGV[1], ttl, tonumber(ARGV[3])) then
  return -1
end
-- The list keeps join order; the check against it runs in this script, so no other join slips
-- in between the check and the RPUSH.
local present = {}
for _, id in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
  present[id] = true
end
for i = 4, #ARGV do
  local id = ARGV[i]
  if not present[id] then
    redis.call('RPUSH', KEYS[3], id)
    present[id] = true
  end
end
redis.call('PEXPIRE', KEYS[3], ttl)
return 1
