-- KEYS: sessions, session-messages, queue order (list of hashes), queue messages (hash -> JSON).
-- ARGV: session, ttl ms, max sessions, max messages per session, message hash, message JSON.
-- Returns 1 queued, 0 duplicate, -1 session quota used up, -2 message quota used up.
local ttl = tonumber(ARGV[2])
if not touch_session(KEYS[1], KEYS[2], ARGV[1], ttl, tonumber(ARGV[3])) then
  return -1
end
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[4]) then
  return -2
end
-- HSETNX is the duplicate check and the write in one step.
local added = redis.call('HSETNX', KEYS[4], ARGV[5], ARGV[6])
if added == 1 then
  redis.call('RPUSH', KEYS[3], ARGV[5])
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ttl)
end
redis.call('PEXPIRE', KEYS[3], ttl)
redis.call('PEXPIRE', KEYS[4], ttl)
return added
