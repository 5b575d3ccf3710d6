-- wrk script for scripts/relay-load.sh. Requests go to sessions bench-0 .. bench-(S-1) over
-- wrk's keep-alive connections; every posted message ({session_id, from, to[], body, hash,
-- sequence_no}, vultisig-relay's JSON) has its own hash.
--   mode "post":  only POST /message/{session}.
--   mode "cycle": what a polling receiver does, in groups of BATCH messages for one session's
--                 receiver: POST each of the BATCH messages, GET /message/{session}/receiver
--                 once for the batch posted about LAG / 2 messages earlier (its answer is that
--                 whole batch: one poll finds every message that arrived since the last), DELETE
--                 each message of the batch posted about LAG messages earlier (read by then).
--                 Both lags are more requests than there are connections, so every post has
--                 been answered before its read, and queues stay short. 2 * BATCH + 1 requests
--                 per BATCH messages; BATCH 1 is post, read, delete for every message.
--
-- Usage: wrk ... -s relay-load.lua URL -- MODE SESSIONS BODY_CHARS RUN_TAG [BATCH]
-- (RUN_TAG: a number that differs between runs against one relay, so no hash repeats).
local mode, sessions, body_chars, tag, batch = "post", 100, 2048, 0, 1
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
  batch = tonumber(args[5] or batch)
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

local function session(n)
  return "bench-" .. (n % sessions)
end

-- Message n goes to session s (post mode: n itself; cycle: its batch's number).
local function post(n, s)
  local json = '{"session_id":"' .. s .. '","from":"sender","to":["receiver"],"body":"'
      .. body .. '","hash":"' .. hash(n) .. '","sequence_no":' .. n .. '}'
  return wrk.format("POST", "/message/" .. s, post_headers, json)
end

function request()
  counter = counter + 1
  if mode ~= "cycle" then
    return post(counter, session(counter))
  end
  local per_group = 2 * batch + 1
  local g = math.floor(counter / per_group)
  local k = counter % per_group
  if k < batch then
    return post(g * batch + k, session(g))
  elseif k == batch then
    -- The batch posted LAG / 2 messages ago: all its posts have been answered (more requests
    -- back than connections), and its deletes are LAG / 2 messages ahead.
    return wrk.format("GET", "/message/" .. session(math.max(0, g - math.ceil(LAG / (2 * batch))))
        .. "/receiver")
  end
  local old = g - math.ceil(LAG / batch)
  if old < 0 then
    return wrk.format("GET", "/message/" .. session(g) .. "/receiver")
  end
  return wrk.format("DELETE", "/message/" .. session(old) .. "/receiver/"
      .. hash(old * batch + k - batch - 1))
end
