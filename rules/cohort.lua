-- The cohort a new ECT registration joins (DOMAIN.md, "Cohorts and policy hooks").
-- Declared in flows/hooks.flow as `hook cohort(...) returns number`.
--
--   start_date  the ECT's start date, an ISO date string ("2025-09-01")
--   previous    the teacher's most recent earlier provider-led ECT record (any school, since
--               left), as a read-only table with at least `cohort` (a year); or nil
--   cohorts     the cohorts, each { year, start, ["end"], open_for_registration, payments_frozen },
--               dates as ISO strings
--   today       today, an ISO date string
--
-- Returns the cohort year. ISO date strings compare correctly as strings.

-- Participants whose earlier cohort's payments are frozen (2021, 2022) join this one instead.
local COHORT_FOR_FROZEN = 2024

-- The year of the 1 June to 31 May period that holds an ISO date: 2025-05-31 is in 2024.
local function period_year(date)
  local year, month = string.match(date, "^(%d%d%d%d)-(%d%d)-%d%d$")
  year, month = tonumber(year), tonumber(month)
  if month >= 6 then
    return year
  end
  return year - 1
end

-- The cohort whose period holds the date; when no cohort is listed for it, the 1 June rule.
local function cohort_holding(date, cohorts)
  for _, c in ipairs(cohorts) do
    if c.start <= date and date <= c["end"] then
      return c.year
    end
  end
  return period_year(date)
end

local function payments_frozen(year, cohorts)
  for _, c in ipairs(cohorts) do
    if c.year == year then
      return c.payments_frozen == true
    end
  end
  return false
end

function cohort(start_date, previous, cohorts, today)
  if previous ~= nil and previous.cohort ~= nil and payments_frozen(previous.cohort, cohorts) then
    return COHORT_FOR_FROZEN
  end
  local current = cohort_holding(today, cohorts)
  local joins = cohort_holding(start_date, cohorts)
  -- a start date before the current cohort joins the current one
  if joins < current then
    return current
  end
  return joins
end
