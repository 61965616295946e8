// The clean-up rules, in the order they are asked. Strong, specific signals first (players, comment embeds),
// then text labels; each element goes to the first rule that matches it.

import { ads } from './ads';
import { authorBox } from './author-box';
import { breadcrumbs } from './breadcrumbs';
import { callToAction } from './call-to-action';
import { credits } from './credits';
import { dateline } from './dateline';
import { disclosure } from './disclosure';
import { comments } from './comments';
import { cookies } from './cookies';
import { footer } from './footer';
import { livePlayer } from './live-player';
import { navigation } from './navigation';
import { newsletter } from './newsletter';
import { readingTime } from './reading-time';
import { related } from './related';
import type { Rule } from './rule';
import { share } from './share';
import { testimonials } from './testimonials';
import { video } from './video';

export const RULES: readonly Rule[] = [
  video, comments, share, breadcrumbs, readingTime, livePlayer, related, newsletter, callToAction, testimonials, disclosure, cookies, ads, footer, credits, dateline, navigation, authorBox,
];
