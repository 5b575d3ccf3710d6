-- KEYS: queue order, queue messages. ARGV: message hash. Removes the message from both.
if redis.call('HDEL', KEYS[2], ARGV[1]) == 1 then
  redis.call('LREM', KEYS[1], 1, ARGV[1])
end
return 1
