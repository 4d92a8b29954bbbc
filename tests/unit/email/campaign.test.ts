import { describe, expect, it } from 'vitest';
import { campaignTerms } from '../../../lib/core/email/campaign';
import { splitQuote } from '../../../lib/core/email/quote-split';
import { gmailReply, policy } from './helpers';

const terms = (subject: string, html: string, p = policy) => campaignTerms(subject, splitQuote(html, 'html').newContent, p);

describe('campaign lexicon (clause 8.1.e)', () => {
  it('finds terms in the subject and the new content, in French and English', () => {
    expect(terms('Votez pour Marie!', '<p>Bonjour</p>')).toEqual(['votez pour']);
    expect(terms('News', '<p>Please <b>vote</b>&nbsp;<i>for</i> Alex.</p>')).toEqual(['vote for']);
  });

  it('ignores case and accents: "ELISEZ" is "élisez"', () => {
    expect(terms('', '<p>ELISEZ Julie</p>')).toEqual(['élisez']);
    expect(terms('', '<p>Élisez Julie</p>')).toEqual(['élisez']);
  });

  it('matches whole words only', () => {
    expect(terms('', '<p>Votez pourtant avec soin. Devote for life.</p>')).toEqual([]);
  });

  it('does not join the subject and the body into one phrase', () => {
    expect(terms('Votez', '<p>pour le budget</p>')).toEqual([]);
  });

  it('ignores the quoted history', () => {
    expect(terms('Re: info', gmailReply('Merci.', '<p>Votez pour Marie</p>'))).toEqual([]);
  });

  it('reports each term once, in lexicon order', () => {
    expect(terms('Vote for Alex', '<p>Votez pour Alex. Vote for Alex again.</p>')).toEqual(['votez pour', 'vote for']);
  });

  it('finds nothing when the policy has no lexicon', () => {
    expect(terms('Votez pour Marie', '<p></p>', { ...policy, campaignLexicon: undefined })).toEqual([]);
  });
});
