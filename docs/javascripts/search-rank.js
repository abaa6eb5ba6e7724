/*
 * Put first the page for whoever is asking: a locked-out reader or an administrator.
 *
 * Two audiences search this site with the same words ("MFA", "password", "root user"), so no
 * page-wide weight suits both: the admin pages weigh more than the topics so that one section
 * with an administrator's answer can beat a topic's whole opening, and then they bury the topic
 * a locked-out reader needs. Readers give themselves away: they speak of themselves ("my", "I
 * can't", "locked out", "lost"), paste what the screen says, or name a blocked domain;
 * administrators speak of others and of controls ("enforce", "policy", "for all users", "SCP").
 * So once Material's search worker has answered, search-query.js hands its results here, and:
 *
 * - a query that reads as a reader's multiplies each topic's score (READER_TOPIC_WEIGHT);
 *   one that reads as an administrator's, or as either, keeps Material's order;
 * - a pasted message (three words or more) puts first the pages that show it word for word,
 *   as a phrase: Lunr matches words, so a long message would otherwise go to whatever page
 *   shares most of its common words.
 */
(() => {
  "use strict";

  // How much more a topic counts for a reader's query: about what the admin pages' boost gives
  // them over a topic (8 against 3, README "Search").
  const READER_TOPIC_WEIGHT = 2.5;
  // A shorter "phrase" is a couple of words that many pages share.
  const PHRASE_MIN_WORDS = 3;
  const TOPICS = "topics/";

  // Words that give away a reader speaking of their own trouble. A bare "I" does not:
  // administrators ask "how do I ..." too.
  const READER_WORDS = new Set([
    "me", "my", "mine", "myself", "i'm", "im", "i've", "ive", "i'd",
    "can't", "cant", "cannot", "couldn't", "couldnt", "won't", "wont", "doesn't", "doesnt",
    "didn't", "didnt", "isn't", "isnt", "unable", "stuck", "locked", "lost", "forgot",
    "forgotten", "keeps", "anymore", "help", "blank", "expired", "blocked",
  ]);
  const READER_PHRASES = /\b(not working|not able|no longer|i (am|was|have|had|get|got|keep|tried|need|can|do not|don't|dont))\b/;
  // An address on the screen: "signin.aws", "d-1234567890.awsapps.com".
  const DOMAIN = /\b[a-z0-9-]+\.(aws|com|amazon|amazonaws)\b/;

  // Words of someone who runs accounts for others.
  const ADMIN_WORDS = new Set([
    "enforce", "enforcing", "enforced", "require", "requiring", "mandate", "mandatory",
    "policy", "policies", "users", "employees", "staff", "someone", "their", "organization",
    "organizations", "scp", "scps", "cis", "cloudtrail", "cloudwatch", "eventbridge", "alarm",
    "monitor", "audit", "rotate", "firewall", "proxy", "allowlist", "whitelist", "condition",
    "permission", "permissions", "deny", "recommended", "custody", "should",
  ]);
  const ADMIN_PHRASES = /\b(for all|all users|member accounts?|security hub|credential report|best practices?|aws (iam|sso-admin|organizations) )|\b[a-z]+\.\d+\b/;

  // What AWS puts around a message: "Error:" or "SomeException:" before it, and after it
  // "(Service: ...; Status Code: 403; Error Code: ...; Request ID: ...)".
  const MESSAGE_PREFIX = /^\s*["'“‘]?\s*(error|[a-z]*exception)\s*:\s*/i;
  const SERVICE_SUFFIX = /\s*\(\s*service\s*:[^)]*\)?[\s."'”’]*$/i;

  /** The message a reader pasted, without what AWS wraps it in. */
  function message(query) {
    return query.replace(MESSAGE_PREFIX, "").replace(SERVICE_SUFFIX, "");
  }

  /** Lower-case words and apostrophes only, so "It’s not you, it’s us." reads as a phrase. */
  function plain(text) {
    return ` ${text
      .replace(/<[^>]*>/g, " ")
      .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, " ")
      .toLowerCase()
      .replace(/[‘’]/g, "'")
      .replace(/[^\p{L}\p{N}']+/gu, " ")
      .trim()} `;
  }

  /** "reader", "admin" or "either", from the words of the query. */
  function audience(query) {
    const text = plain(query);
    const words = text.trim().split(" ");
    let leaning = words.filter(word => READER_WORDS.has(word)).length;
    leaning -= words.filter(word => ADMIN_WORDS.has(word)).length;
    if (READER_PHRASES.test(text)) leaning += 1;
    if (DOMAIN.test(query.toLowerCase())) leaning += 1;
    if (MESSAGE_PREFIX.test(query) || SERVICE_SUFFIX.test(query)) leaning += 1;
    if (ADMIN_PHRASES.test(` ${query.toLowerCase()} `)) leaning -= 1;
    return leaning > 0 ? "reader" : leaning < 0 ? "admin" : "either";
  }

  /** Material's result groups (one per page, best match first), reordered for the query. */
  function rank(query, groups) {
    const reader = audience(query) === "reader";
    const phrase = plain(message(query));
    const quoting = phrase.trim().split(" ").length >= PHRASE_MIN_WORDS;
    const shows = item => quoting && plain(`${item.title} ${item.text}`).includes(phrase);
    return groups
      .map(group => {
        const topic = group[0].location.startsWith(TOPICS);
        const best = Math.max(...group.map(item => item.score));
        return {
          group,
          quoted: group.some(shows),
          score: best * (reader && topic ? READER_TOPIC_WEIGHT : 1),
        };
      })
      .sort((a, b) => b.quoted - a.quoted || b.score - a.score)
      .map(({ group }) => group);
  }

  self.signinHelpSearchRank = { audience, message, rank };
})();
