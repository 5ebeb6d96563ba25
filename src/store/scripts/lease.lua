-- Takes or renews a lease that one holder has at a time.
-- KEYS[1]: the lease. ARGV[1]: the holder's token, ARGV[2]: how long it lasts (ms).
-- Returns 1 when the caller holds it now, 0 when another does.
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
