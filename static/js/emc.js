/* emc.js — the government measurement system's tracker (EMC; docs/visits.md), on the pages of
 * a site that turned it on. Its settings come from this script tag's data attributes, so that
 * the page runs no inline script; the page's Content-Security-Policy allows the tracker's
 * origin, and no other. The commands are the tracker's (Matomo-like): queued in window._govaq
 * before its script loads, which runs them. */
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me) {
    return;
  }
  var origin = me.getAttribute('data-origin');
  var siteId = me.getAttribute('data-site-id');
  if (!origin || !/^https:\/\/[a-z0-9.-]+(:[0-9]+)?$/.test(origin) || !/^[0-9]+$/.test(siteId || '')) {
    return;
  }
  var q = window._govaq = window._govaq || [];
  q.push(['setTrackerUrl', origin + '/tracking']);
  q.push(['setSiteId', siteId]);
  q.push(['trackPageView']);
  q.push(['enableLinkTracking']);
  var g = document.createElement('script');
  g.async = true;
  g.src = origin + '/embed/gov-tracking.min.js';
  document.head.appendChild(g);
})();
