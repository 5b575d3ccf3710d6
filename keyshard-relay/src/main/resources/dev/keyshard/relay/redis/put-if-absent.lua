-- KEYS: value. ARGV: value, ttl ms. Returns the value now stored. The write renews the TTL
-- even when a value was already there, as every write does.
redis.call('SET', KEYS[1], ARGV[1], 'NX')
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return redis.call('GET', KEYS[1])
