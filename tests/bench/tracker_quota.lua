-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for the exactness check: each thread sends exactly LUX_QUOTA pixel requests, then only
-- /healthz (which records nothing) until the run ends, so every pixel request has long completed
-- when wrk stops. `done` prints "pixels completed: N", counted from the GIFs that came back.
local quota = tonumber(os.getenv("LUX_QUOTA"))
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  pixel = wrk.format("GET", args[1])
  health = wrk.format("GET", "/healthz")
  sent = 0
  completed = 0
end

function request()
  if sent < quota then
    sent = sent + 1
    return pixel
  end
  return health
end

function response(status, headers, body)
  if status == 200 and headers["Content-Type"] == "image/gif" then
    completed = completed + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("completed")
  end
  io.write(string.format("pixels completed: %d\n", total))
end
