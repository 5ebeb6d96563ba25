-- Reserves an idempotency key for a new enhancement, or says what holds it already.
-- KEYS[1]: the tenant's key. ARGV[1]: the request's fingerprint, ARGV[2]: the id to reserve it
-- for, ARGV[3]: how long a reservation lasts before its enhancement is stored (ms), ARGV[4]: an id
-- the caller found lost (its record is gone): replaced when it still holds the key ('' for none).
-- Returns {outcome, id}: 'reserved' (the caller creates ARGV[2]), 'conflict' (another input used
-- the key), 'created' or 'pending' (the same input; its enhancement is stored, or being stored).
local held = redis.call('GET', KEYS[1])
if held then
  local entry = cjson.decode(held)
  if entry.fp ~= ARGV[1] then return {'conflict', entry.id} end
  if entry.id ~= ARGV[4] then return {entry.state, entry.id} end
end
redis.call('SET', KEYS[1], cjson.encode({fp = ARGV[1], id = ARGV[2], state = 'pending'}), 'PX', ARGV[3])
return {'reserved', ARGV[2]}
