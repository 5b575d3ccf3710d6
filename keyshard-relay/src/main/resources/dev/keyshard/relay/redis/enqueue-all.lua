-- A posted message into each recipient's queue, only if the session has members.
-- KEYS: sessions, session-messages, members, then per recipient: queue order, queue messages.
-- ARGV: session, ttl ms, max sessions, max messages per session, message hash, message JSON.
-- Returns how many queues took it (the others held it already), -1 session quota used up,
-- -2 message quota used up (queues before that one keep it), -3 no such session.
if redis.call('EXISTS', KEYS[3]) == 0 then
  return -3
end
local ttl = tonumber(ARGV[2])
if not touch_session(KEYS[1], KEYS[2], ARGV[1], ttl, tonumber(ARGV[3])) then
  return -1
end
local max = tonumber(ARGV[4])
local queued = 0
for i = 4, #KEYS, 2 do
  if tonumber(redis.call('GET', KEYS[2]) or '0') >= max then
    return -2
  end
  -- HSETNX is the duplicate check and the write in one step.
  if redis.call('HSETNX', KEYS[i + 1], ARGV[5], ARGV[6]) == 1 then
    redis.call('RPUSH', KEYS[i], ARGV[5])
    redis.call('INCR', KEYS[2])
    redis.call('PEXPIRE', KEYS[2], ttl)
    queued = queued + 1
  end
  redis.call('PEXPIRE', KEYS[i], ttl)
  redis.call('PEXPIRE', KEYS[i + 1], ttl)
end
return queued
