/* lawsite: Pagefind's API with lawsite's ranking, as the module Pagefind's UI
 * imports (it loads `<bundlePath>pagefind.js`; lawsite-search.js points its
 * bundlePath here, at assets/lawsite/ranked/).
 *
 * Pagefind ranks a page by its words only: the first reading of a draft and
 * its notice, which repeat the words of the second, outrank the reading open
 * now as often as not. A page may carry a `rank` filter (emit/search.py:
 * search_rank); a search here also asks which results have which rank (the
 * same index, so the same scores) and multiplies their scores by RANK_WEIGHTS
 * before sorting. The rank is not a filter for readers: none is offered. */
import * as pagefind from "../../../pagefind/pagefind.js";

var RANK_WEIGHTS = { past: 0.3, activity: 0.3, below: 0.5 };  // emit/search.py: RANK_PAST, RANK_ACTIVITY, RANK_BELOW

export var options = pagefind.options;
export var mergeIndex = pagefind.mergeIndex;
export var preload = pagefind.preload;
export var init = pagefind.init;
export var destroy = pagefind.destroy;

export async function filters() {
  return {};
}

function withRank(searchOptions, rank) {
  var own = Object.assign({}, (searchOptions && searchOptions.filters) || {}, { rank: [rank] });
  return Object.assign({}, searchOptions || {}, { filters: own });
}

export async function search(term, searchOptions) {
  var found = await pagefind.search(term, searchOptions);
  if (!found || !found.results || !found.results.length) return found;
  var ranks = Object.keys(RANK_WEIGHTS);
  var ranked = await Promise.all(ranks.map(function (rank) { return pagefind.search(term, withRank(searchOptions, rank)); }));
  var weight = {};
  ranks.forEach(function (rank, i) {
    ((ranked[i] && ranked[i].results) || []).forEach(function (result) { weight[result.id] = RANK_WEIGHTS[rank]; });
  });
  var results = found.results.map(function (result, order) {
    return Object.assign({}, result, { score: result.score * (weight[result.id] || 1), order: order });
  });
  results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
  return Object.assign({}, found, { results: results, filters: {}, totalFilters: {} });
}
