-- wrk script for attune's API mix (docs/benchmarks.md, "API mix"): each request goes to a
-- randomly chosen seeded person and is, by weight, a log-in, a read of their relationship's
-- shared boundary view, or a write of one of their own boundary answers.
--
--   wrk -t2 -c64 -d30s --latency -s bench/wrk/api_mix.lua http://HOST:PORT -- \
--       USERS ITEMS [LOGIN% READ% WRITE%]
--
-- USERS and ITEMS come from `live_load seed --users USERS --items ITEMS`: one person per line
-- (e-mail, password, token, relationship id, tab-separated) and one catalogue item id per
-- line. Weights default to 5 75 20. Reads and writes use the seeded Bearer token; a log-in's
-- new token is not used (one person, one session: logging in is measured, not relied on).
-- Each thread cycles every (person, item) it writes through yes, maybe, no, so answers change.
-- done() prints, per kind, requests sent and 2xx answers recognised by their body, and every
-- non-2xx answer by status and error code.

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

local function split_tabs(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    table.insert(fields, field)
  end
  return fields
end

local function read_lines(path)
  local file = assert(io.open(path, "r"), "cannot open " .. path)
  local lines = {}
  for line in file:lines() do
    if line ~= "" then table.insert(lines, line) end
  end
  file:close()
  return lines
end

local answers = { "yes", "maybe", "no" }
local json_header = { ["Content-Type"] = "application/json" }

local logins, reads, writes = {}, {}, {}
local write_turn = {}  -- per person and item: how many answers this thread has written
local item_count = 0
local login_until, read_until = 0, 0

-- Globals, so done() can collect them with thread:get().
sent = { login = 0, read = 0, write = 0 }
ok = { login = 0, read = 0, write = 0, other = 0 }
failed = {}  -- "status code" -> count

local function authorised(token)
  return { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

-- Every request is built here once, so request() only picks one: building requests per call
-- would make wrk's own core the bottleneck at the bare server's rate.
local function prepare(users, items)
  item_count = #items
  for person, line in ipairs(users) do
    local email, password, token, relationship = unpack(split_tabs(line))
    assert(relationship and relationship ~= "", "malformed users line " .. person)
    local login_body = string.format('{"email":"%s","password":"%s"}', email, password)
    logins[person] = wrk.format("POST", "/api/v1/auth/login", json_header, login_body)
    local base = "/api/v1/relationships/" .. relationship .. "/boundaries/"
    reads[person] = wrk.format("GET", base .. "shared", authorised(token), nil)
    writes[person] = {}
    for item_index, item in ipairs(items) do
      writes[person][item_index] = {}
      for answer_index, answer in ipairs(answers) do
        local body = string.format('{"answer":"%s"}', answer)
        writes[person][item_index][answer_index] =
          wrk.format("PUT", base .. "mine/" .. item, authorised(token), body)
      end
      write_turn[(person - 1) * item_count + item_index] = 0
    end
  end
end

function init(args)
  assert(args[1] and args[2], "usage: -- USERS ITEMS [LOGIN% READ% WRITE%]")
  local login_weight = tonumber(args[3] or 5)
  local read_weight = tonumber(args[4] or 75)
  local write_weight = tonumber(args[5] or 20)
  local total = login_weight + read_weight + write_weight
  assert(total > 0, "the weights add up to nothing")
  login_until = login_weight / total
  read_until = (login_weight + read_weight) / total
  prepare(read_lines(args[1]), read_lines(args[2]))
  -- Each thread its own fixed sequence: repeatable runs, different people per thread.
  math.randomseed(1 + (thread_index or 0))
end

function request()
  local person = math.random(#reads)
  local draw = math.random()
  if draw < login_until then
    sent.login = sent.login + 1
    return logins[person]
  elseif draw < read_until then
    sent.read = sent.read + 1
    return reads[person]
  end
  sent.write = sent.write + 1
  local item = math.random(item_count)
  local slot = (person - 1) * item_count + item
  local turn = write_turn[slot]
  write_turn[slot] = turn + 1
  return writes[person][item][turn % #answers + 1]
end

-- Responses carry no request id, and connections interleave, so a 2xx answer's kind is read
-- from its body: a log-in returns a token, a write echoes the answer, a read lists items.
function response(status, headers, body)
  if status >= 200 and status < 300 then
    if body:find('"token"', 1, true) then
      ok.login = ok.login + 1
    elseif body:find('"answer"', 1, true) then
      ok.write = ok.write + 1
    elseif body:find('"items"', 1, true) then
      ok.read = ok.read + 1
    else
      ok.other = ok.other + 1
    end
    return
  end
  local code = body:match('"code"%s*:%s*"([^"]*)"') or "-"
  local key = status .. " " .. code
  failed[key] = (failed[key] or 0) + 1
end

function done(summary, latency, requests)
  local total_sent = { login = 0, read = 0, write = 0 }
  local total_ok = { login = 0, read = 0, write = 0, other = 0 }
  local total_failed = {}
  for _, thread in ipairs(threads) do
    for kind, count in pairs(thread:get("sent")) do total_sent[kind] = total_sent[kind] + count end
    for kind, count in pairs(thread:get("ok")) do total_ok[kind] = total_ok[kind] + count end
    for key, count in pairs(thread:get("failed")) do
      total_failed[key] = (total_failed[key] or 0) + count
    end
  end
  local seconds = summary.duration / 1e6
  for _, kind in ipairs({ "login", "read", "write" }) do
    io.write(string.format("mix %-6s sent %8d   2xx %8d   %9.1f 2xx/s\n", kind, total_sent[kind],
      total_ok[kind], total_ok[kind] / seconds))
  end
  if total_ok.other > 0 then
    io.write(string.format("mix other  2xx %8d (a body of none of the three kinds)\n", total_ok.other))
  end
  local keys = {}
  for key in pairs(total_failed) do table.insert(keys, key) end
  table.sort(keys)
  for _, key in ipairs(keys) do
    io.write(string.format("mix non-2xx %s: %d\n", key, total_failed[key]))
  end
  io.write(string.format("mix p50 %.2f ms   p99 %.2f ms   max %.2f ms   timeouts %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.timeout))
end
