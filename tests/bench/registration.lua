-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for lux-tracker's registrations: every request registers a new person (a unique address
-- per thread and request) and asks for JSON. `done` prints the answers by status, counted from what
-- came back, so the shell script can compare them with what the database holds.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  path = args[1]
  n = 0
  ok = 0
  other = 0
end

function request()
  n = n + 1
  local body = string.format("email=t%d-%d%%40example.com&first_name=Load&last_name=Test", id, n)
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("ok")
    bad = bad + t:get("other")
  end
  io.write(string.format("registrations acknowledged: %d\nother answers: %d\n", total, bad))
end
