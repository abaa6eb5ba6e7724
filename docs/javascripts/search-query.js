/*
 * Turn what a reader types into a query that finds the right topic.
 *
 * Material's search makes every word a prefix: "a", "i" or "to" then match every word that
 * starts with them, and they outweigh the words that matter. Readers also type "2fa" for MFA,
 * "cant" for "can't", British spellings and typos, and paste error messages in quotes. So before
 * the query reaches Material's search worker, each word becomes an exact term that counts
 * double, plus a prefix (for "block" to find "blocked") if it has four letters or more, plus
 * one-typo matches if it is long, plus the spellings the pages use (and a plural's singular,
 * since the index has no stemmer: "users" finds "IAM user"). The word still being typed
 * is a prefix from three letters on. Quotes are dropped; other search syntax (+word, -word, *,
 * ~2, ^2, title:) means the reader knows what they want, and goes through untouched. A pasted
 * message loses what AWS wraps it in ("Error:", "(Service: ...; Request ID: ...)").
 *
 * The answer comes back through here too, and search-rank.js reorders it for whoever is asking.
 */
(() => {
  "use strict";

  // Material's search worker protocol: { type: QUERY, data: "what the reader typed" } goes in,
  // { type: RESULT, data: { items: [[best match of a page, ...], ...] } } comes out.
  const QUERY = 2;
  const RESULT = 3;
  const { message: pastedMessage, rank } = self.signinHelpSearchRank;
  const SYNTAX = /(^|\s)[+-]\S|\*|[~^]\d|\b(title|text|tags):/;

  // How much more a whole-word match counts than a partial or misspelt one.
  const EXACT_BOOST = 2;
  // Shorter words are too often other real words one letter away ("code" and "node").
  const FUZZY_MIN_LENGTH = 6;
  // A prefix of one or two letters matches half the index; of three, still too many whole words.
  const PREFIX_MIN_LENGTH = 4;
  const TYPING_PREFIX_MIN_LENGTH = 3;

  // Contractions typed without the apostrophe, as the pages spell them.
  const CONTRACTIONS = {
    arent: "aren't", cant: "can't", couldnt: "couldn't", didnt: "didn't", doesnt: "doesn't",
    dont: "don't", hasnt: "hasn't", havent: "haven't", im: "i'm", isnt: "isn't", its: "it's",
    ive: "i've", shouldnt: "shouldn't", wasnt: "wasn't", werent: "weren't", wont: "won't",
    wouldnt: "wouldn't",
  };

  // Reader's word -> the words the pages use for the same thing.
  const SYNONYMS = {
    "2fa": ["mfa"], "2-factor": ["mfa"], "2sv": ["mfa"], tfa: ["mfa"], otp: ["code"],
    totp: ["authenticator"], "e-mail": ["email"], mail: ["email"], pw: ["password"],
    pwd: ["password"], passwd: ["password"], pass: ["password"], passcode: ["code"],
    forgotten: ["forgot"], forget: ["forgot"], forgetting: ["forgot"], login: ["sign"],
    logon: ["sign"], signin: ["sign"], logged: ["signed"], logins: ["sign"], acct: ["account"],
    whitelist: ["allowlist", "allow"], whitelisted: ["allowlist", "allow"],
    allowlisted: ["allowlist", "allow"], mobile: ["phone"],
    cellphone: ["phone"], smartphone: ["phone"],
    // Administrators ask to enforce what the admin pages say to require.
    enforce: ["require"], enforcing: ["require"], enforced: ["required"], force: ["require"],
    mandatory: ["required"], mandate: ["require"],
  };

  // Plurals, as the singular the pages may use ("users" for "IAM user", "policies"); the
  // singular's prefix still finds the plural.
  const PLURAL = /^(\p{L}{3,}?)(ies|s)$/u;
  const NOT_PLURAL = /(ss|us|is)$/;

  // British -ise/-isation spellings, as the pages' American ones.
  const BRITISH = /^(\p{L}{3,}?)is(e|ed|es|ing|ation|ations)$/u;
  // Punctuation around a word: quotes, commas, a question mark.
  const AROUND = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

  function words(query) {
    return pastedMessage(query)
      .toLowerCase()
      .replace(/[‘’]/g, "'")
      .split(/\s+/)
      .map(word => word.replace(AROUND, ""))
      .filter(Boolean);
  }

  function variants(word) {
    const found = new Set(SYNONYMS[word] || []);
    if (CONTRACTIONS[word]) found.add(CONTRACTIONS[word]);
    const british = BRITISH.exec(word);
    if (british) found.add(`${british[1]}iz${british[2]}`);
    const plural = NOT_PLURAL.test(word) ? null : PLURAL.exec(word);
    if (plural) found.add(plural[2] === "ies" ? `${plural[1]}y` : plural[1]);
    found.delete(word);
    return [...found];
  }

  function rewrite(query) {
    if (SYNTAX.test(query)) return query;
    const typed = words(query);
    const typing = !/\s$/.test(query);
    const terms = [];
    typed.forEach((word, index) => {
      for (const variant of variants(word)) terms.push(`${variant}^${EXACT_BOOST}`);
      // Split hyphenated words here, as the index does: Lunr's query parser reads "-" as NOT.
      const parts = word.split(/-+/).filter(Boolean);
      parts.forEach((part, at) => {
        terms.push(`${part}^${EXACT_BOOST}`);
        if (part.length >= FUZZY_MIN_LENGTH) terms.push(`${part}~1`);
        const last = typing && index === typed.length - 1 && at === parts.length - 1;
        const min = last ? TYPING_PREFIX_MIN_LENGTH : PREFIX_MIN_LENGTH;
        // "^1" keeps Material from adding a second wildcard.
        if (part.length >= min) terms.push(`${part}*^1`);
      });
    });
    return terms.join(" ");
  }

  // Per worker, the queries sent and not yet answered, oldest first: it answers in order.
  const asked = new WeakMap();
  const reordered = new WeakSet();

  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      if (!asked.has(this)) asked.set(this, []);
      asked.get(this).push(message.data);
      message = { ...message, data: rewrite(message.data) };
    }
    return post.call(this, message, ...rest);
  };

  // Material's bundle listens to its worker before this script runs, so the answer is reordered
  // where every listener reads it: the first read of a worker's message event's `data`.
  const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data").get;
  Object.defineProperty(MessageEvent.prototype, "data", {
    configurable: true,
    enumerable: true,
    get() {
      const data = dataOf.call(this);
      if (this.target instanceof Worker && !reordered.has(this)) {
        reordered.add(this);
        if (data && data.type === RESULT && data.data && asked.has(this.target)) {
          const query = asked.get(this.target).shift();
          if (query !== undefined) data.data.items = rank(query, data.data.items);
        }
      }
      return data;
    },
  });

  // For the tests and for anyone checking a query by hand in the browser console.
  self.signinHelpSearchQuery = rewrite;

  // For search-gap.js: each word the reader typed, as the terms it is searched for (none for
  // search syntax, which is the reader's own): its parts split as the index splits them.
  self.signinHelpSearchWords = query => SYNTAX.test(query) ? [] : words(query).map(
    word => [...word.split(/[-.,;:!?()[\]/"]+/).filter(Boolean), ...variants(word)]);
})();
