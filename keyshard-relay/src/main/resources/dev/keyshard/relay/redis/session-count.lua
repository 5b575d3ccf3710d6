-- KEYS: sessions. Counts the sessions whose expiry (Redis time, ms) is still ahead.
return redis.call('ZCOUNT', KEYS[1], '(' .. now_ms(), '+inf')
