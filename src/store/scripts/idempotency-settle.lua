-- Settles a reservation its holder made. KEYS[1]: the tenant's key. ARGV[1]: the reserved id,
-- ARGV[2]: 'created' (keep it for ARGV[3] seconds, as long as the record) or 'free' (the request
-- was refused: delete it). Does nothing once the key belongs to another id.
local held = redis.call('GET', KEYS[1])
if not held then return 0 end
local entry = cjson.decode(held)
if entry.id ~= ARGV[1] then return 0 end
if ARGV[2] == 'free' then return redis.call('DEL', KEYS[1]) end
entry.state = 'created'
redis.call('SET', KEYS[1], cjson.encode(entry), 'EX', ARGV[3])
return 1
