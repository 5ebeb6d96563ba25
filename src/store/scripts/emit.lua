-- Appends one event and applies its change to the record in one step, only while the record's
-- status is one of the allowed ones: after a terminal event nothing else is ever written, so a
-- cancelled enhancement cannot be completed by a worker that had not noticed yet.
--
-- KEYS: record, stream. ARGV: allowed statuses (comma list), new status, event JSON, channel,
-- ttl seconds, status for stages still PENDING/RUNNING ('' leaves them), then field/value pairs.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return false end
local allowed = false
for s in string.gmatch(ARGV[1], '[^,]+') do if s == status then allowed = true end end
if not allowed then return false end
redis.call('HSET', KEYS[1], 'status', ARGV[2])
for i = 7, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
if ARGV[6] ~= '' then
  local all = redis.call('HGETALL', KEYS[1])
  for i = 1, #all, 2 do
    if string.sub(all[i], 1, 6) == 'stage:' then
      local run = all[i + 1]
      local closed = string.gsub(run, '^{"status":"PENDING"', '{"status":"' .. ARGV[6] .. '"', 1)
      closed = string.gsub(closed, '^{"status":"RUNNING"', '{"status":"' .. ARGV[6] .. '"', 1)
      if closed ~= run then redis.call('HSET', KEYS[1], all[i], closed) end
    end
  end
end
local id = redis.call('XADD', KEYS[2], '*', 'e', ARGV[3])
redis.call('PUBLISH', ARGV[4], id .. '\n' .. ARGV[3])
local ttl = tonumber(ARGV[5])
redis.call('EXPIRE', KEYS[1], ttl)
redis.call('EXPIRE', KEYS[2], ttl)
return id
