-- wrk script for scripts/relay-load.sh. Requests go to sessions bench-0 .. bench-(S-1) over
-- wrk's keep-alive connections; every posted message ({session_id, from, to[], body, hash,
-- sequence_no}, vultisig-relay's JSON) has its own hash.
--   mode "post":  only POST /message/{session}.
--   mode "cycle": what a receiving client does per message, in turn: POST the message,
--                 GET /message/{session}/receiver, DELETE the message posted LAG cycles earlier
--                 (long since stored: more cycles than connections), so queues stay short and
--                 each message is read about once or twice, as a polling client reads it.
--
-- Usage: wrk ... -s relay-load.lua URL -- MODE SESSIONS BODY_CHARS RUN_TAG
-- (RUN_TAG: a number that differs between runs against one relay, so no hash repeats).
local mode, sessions, body_chars, tag = "post", 100, 2048, 0
local LAG = 64
local thread_no = 0
local counter = 0
local me = 0
local body

function setup(thread)
  thread:set("me", thread_no)
  thread_no = thread_no + 1
end

function init(args)
  mode = args[1] or mode
  sessions = tonumber(args[2] or sessions)
  body_chars = tonumber(args[3] or body_chars)
  tag = tonumber(args[4] or tag)
  me = tonumber(wrk.thread:get("me")) or 0
  -- A base64-looking body: the clients send their AES-GCM ciphertext base64-encoded.
  local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  local parts = {}
  for i = 1, body_chars do
    local k = (i * 7 + me * 13) % 64 + 1
    parts[i] = alphabet:sub(k, k)
  end
  body = table.concat(parts)
end

local post_headers = { ["Content-Type"] = "application/json" }

local function hash(n)
  return string.format("%02x%02x%012x", tag, me, n)
end

local function post(n)
  local s = "bench-" .. (n % sessions)
  local json = '{"session_id":"' .. s .. '","from":"sender","to":["receiver"],"body":"'
      .. body .. '","hash":"' .. hash(n) .. '","sequence_no":' .. n .. '}'
  return wrk.format("POST", "/message/" .. s, post_headers, json)
end

function request()
  counter = counter + 1
  if mode ~= "cycle" then
    return post(counter)
  end
  local n = math.floor(counter / 3)
  local step = counter % 3
  if step == 0 then
    return post(n)
  elseif step == 1 then
    return wrk.format("GET", "/message/bench-" .. (n % sessions) .. "/receiver")
  end
  local old = n - LAG
  if old < 0 then
    return wrk.format("GET", "/message/bench-" .. (n % sessions) .. "/receiver")
  end
  return wrk.format("DELETE", "/message/bench-" .. (old % sessions) .. "/receiver/" .. hash(old))
end
