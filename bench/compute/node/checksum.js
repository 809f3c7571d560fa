// The matches of a verification pass as two numbers every engine can compute the same way: how
// many (event, rule) pairs matched, and a hash of them in order. Kanca's bench computes the same.
'use strict';

// matched[e] lists the indexes of the rules that matched event e, in increasing order.
function checksum(matched) {
  let matches = 0;
  let hash = 0;
  matched.forEach((rules, event) => {
    for (const rule of rules) {
      ++matches;
      hash = (Math.imul(hash, 31) + event * 1009 + rule + 1) >>> 0;
    }
  });
  return { matches, checksum: hash };
}

module.exports = { checksum };
