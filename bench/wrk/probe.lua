-- wrk script for a bystander beside a load run (scripts/bench.sh, API mix): one connection
-- sends GET /api/v1/me ten times a second, too few to add load of its own, so its latency is
-- what any other person's request meets while the server is busy with the main run.
--
--   wrk -t1 -c1 -d30s --latency -s bench/wrk/probe.lua http://HOST:PORT -- TOKEN

local me

function init(args)
  assert(args[1], "usage: -- TOKEN")
  me = wrk.format("GET", "/api/v1/me", { ["Authorization"] = "Bearer " .. args[1] }, nil)
end

function delay()
  return 100
end

function request()
  return me
end
