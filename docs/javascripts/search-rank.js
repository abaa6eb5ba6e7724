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
 * - a query that reads as a reader's multiplies each topic's score, one that reads as an
 *   administrator's each admin page's (OWN_PAGES_WEIGHT); one that could be either's keeps
 *   Material's order;
 * - a pasted message (four words or more, or three in quotes or after "Error:") puts first the
 *   pages that show it word for word: Lunr matches words, not phrases, so a long message would
 *   otherwise go to whatever page shares most of its common words.
 */
(() => {
  "use strict";

  // How much more the asker's own pages count: a topic for a reader, an admin page for an
  // administrator. About what the FAQ and checklist's boost gives them over a topic (8 against
  // 3, README "Search"), so a reader's query weighs a topic as if the boosts were reversed.
  const OWN_PAGES_WEIGHT = 2.5;
  // A shorter phrase is a few words that many pages share ("builder id login"); three words
  // are a message only when the reader marked them as one (quotes, "Error:").
  const PHRASE_MIN_WORDS = 4;
  const MARKED_PHRASE_MIN_WORDS = 3;
  const TOPICS = "topics/";
  const ADMIN = "admin/";

  // Words that give away a reader speaking of their own trouble. A bare "I" does not:
  // administrators ask "how do I ..." too.
  const READER_WORDS = new Set([
    "me", "my", "mine", "myself", "i'm", "im", "i've", "ive", "i'd",
    "can't", "cant", "cannot", "couldn't", "couldnt", "won't", "wont", "doesn't", "doesnt",
    "didn't", "didnt", "isn't", "isnt", "unable", "stuck", "locked", "lost", "forgot",
    "forgotten", "keeps", "anymore", "help", "blank", "expired", "blocked", "blocking", "error",
    "invalid", "incorrect", "rejected", "refused",
  ]);
  const READER_PHRASES = new RegExp(
    "\\b(not working|not able|no able|no longer|not supported" +
      "|i (am|was|have|had|get|got|keep|tried|need|can|do not|don't|dont))\\b",
  );
  // A name from an error on the screen: "InvalidGrantException", "NetworkError".
  const ERROR_NAME = /\b[A-Z][A-Za-z]+(Exception|Error)\b/;
  // An address on the screen: "signin.aws", "d-1234567890.awsapps.com".
  const DOMAIN = /\b[a-z0-9-]+\.(aws|com|amazon|amazonaws)\b/;

  // Words of someone who runs accounts for others. Not "policy" or "firewall": readers meet
  // both ("sign-in policy", "our firewall blocks it").
  const ADMIN_WORDS = new Set([
    "enforce", "enforcing", "enforced", "require", "requiring", "mandate", "mandatory",
    "users", "employees", "staff", "someone", "their", "organization", "organizations", "scp",
    "scps", "cis", "cloudtrail", "cloudwatch", "eventbridge", "alarm", "monitor", "audit",
    "rotate", "proxy", "allowlist", "whitelist", "domains", "wildcard", "download", "condition",
    "permission", "permissions", "deny", "recommended", "custody",
  ]);
  // ...and the names of controls and admin commands: "IAM.4", "CIS 1.10", "aws iam ...".
  const ADMIN_PHRASES = new RegExp(
    "\\b(for all|all users|member accounts?|security hub|credential report|best practices?" +
      "|aws (iam|sso-admin|organizations) )|\\b[a-z]+\\.\\d+\\b",
  );

  // What AWS puts around a message: "Error:" or "SomeException:" before it, and after it
  // "(Service: ...; Status Code: 403; Error Code: ...; Request ID: ...)".
  const MESSAGE_PREFIX = /^\s*["'“‘]?\s*(error|[a-z]*exception)\s*:\s*/i;
  const SERVICE_SUFFIX = /\s*\(\s*service\s*:[^)]*\)?[\s."'”’]*$/i;

  // A message quoted inside a longer query: 'it gives error as "An unexpected error has occurred'.
  const QUOTED = /["“]([^"”]+)["”]?/;

  /** The message a reader pasted, without what AWS wraps it in. */
  function message(query) {
    return query.replace(MESSAGE_PREFIX, "").replace(SERVICE_SUFFIX, "");
  }

  /** What the reader marked as a message: by quoting it or pasting AWS's wrapping. */
  function marked(query) {
    return QUOTED.test(query) || MESSAGE_PREFIX.test(query) || SERVICE_SUFFIX.test(query);
  }

  /** The words to find as a phrase, or null when there are too few to name one message. */
  function phrase(query) {
    const quoted = QUOTED.exec(query);
    const words = plain(message(quoted ? quoted[1] : query));
    const count = words.trim().split(" ").length;
    const long = count >= (marked(query) ? MARKED_PHRASE_MIN_WORDS : PHRASE_MIN_WORDS);
    return long ? words : null;
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
    if (marked(query) || ERROR_NAME.test(query)) leaning += 1;
    if (ADMIN_PHRASES.test(` ${query.toLowerCase()} `)) leaning -= 1;
    return leaning > 0 ? "reader" : leaning < 0 ? "admin" : "either";
  }

  /** Material's result groups (one per page, best match first), reordered for the query. */
  function rank(query, groups) {
    const asker = audience(query);
    const own = asker === "reader" ? TOPICS : asker === "admin" ? ADMIN : null;
    // An administrator's query is theirs, not a message to find word for word.
    const words = asker === "admin" ? null : phrase(query);
    const shows = item => words !== null && plain(`${item.title} ${item.text}`).includes(words);
    return groups
      .map(group => {
        const mine = own !== null && group[0].location.startsWith(own);
        const best = Math.max(...group.map(item => item.score));
        return { group, quoted: group.some(shows), score: best * (mine ? OWN_PAGES_WEIGHT : 1) };
      })
      .sort((a, b) => b.quoted - a.quoted || b.score - a.score)
      .map(({ group }) => group);
  }

  self.signinHelpSearchRank = { audience, message, phrase, rank };
})();
