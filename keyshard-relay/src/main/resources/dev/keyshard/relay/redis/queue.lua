-- KEYS: queue order, queue messages. Returns the messages' JSON, oldest first.
-- One script, so a concurrent dequeue never shows a hash without its message.
local out = {}
for _, hash in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  local json = redis.call('HGET', KEYS[2], hash)
  if json then
    out[#out + 1] = json
  end
end
return out
