-- Shared by the scripts that write into a session; prepended to them, so it runs inside their
-- atomic EVAL. Time is the Redis server's (TIME): relay instances with skewed clocks agree.

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- Renews a session's place under the session quota, taking a new place only while one is free.
-- A new place starts with no messages counted. Returns false when the quota is used up.
local function touch_session(sessions, counter, session, ttl_ms, max_sessions)
  local now = now_ms()
  redis.call('ZREMRANGEBYSCORE', sessions, '-inf', now)
  if not redis.call('ZSCORE', sessions, session) then
    if redis.call('ZCARD', sessions) >= max_sessions then
      return false
    end
    redis.call('DEL', counter)
  end
  redis.call('ZADD', sessions, now + ttl_ms, session)
  redis.call('PEXPIRE', sessions, ttl_ms)
  redis.call('PEXPIRE', counter, ttl_ms)
  return true
end
