// Preloaded in the measured CLI (`node --import`) when /usr/bin/time is absent: writes the
// process's peak RSS (worker threads included) to $DELIB_RSS_PROBE at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.DELIB_RSS_PROBE;
  if (file) writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
});
