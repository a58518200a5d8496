-- A hook file with a syntax error, for the hook-load-error golden case.
function cohort(start_date)
  return (
end
