-- Charges a tenant's daily model budget once per charge id: a charge repeated (a job resumed after
-- a crash charges its completed stages again) adds nothing.
-- KEYS[1]: the day's total, KEYS[2]: the day's charge ids (one slot: the tenant's hash tag).
-- ARGV[1]: the charge id, ARGV[2]: US dollars, ARGV[3]: ttl seconds. Returns 1 when it charged.
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('INCRBYFLOAT', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
