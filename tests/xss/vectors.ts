// Our own XSS corpus, written from the published families (DOMPurify's test fixtures, OWASP's filter-evasion cheat
// sheet, the mutation-XSS papers and the DOMPurify bypasses of 2019–2021). Each vector is a template:
//   {JS}   → `top.__xss(N)`: the hostile page defines `__xss`, which records the hit and calls the beacon; in any
//            other context (the popup, an opaque frame) the call throws or is blocked by CSP, which the E2E test
//            also catches.
//   {PING} → `(new Image).src='{URL}'`, for contexts where `top` is cross-origin (data: frames).
//   {URL}  → `http://127.0.0.1:PORT/beacon?id=N`: active content (frames, objects, refreshes, imports) that loads it.
// Vectors are written to fire at most once on their own (no infinite animations, no blur loops), so that hits
// from the original page's load can be told apart from hits caused by cleaning it.

export interface XssVector {
  id: number;
  family: Family;
  name: string;
  html: string;
  /** Swallows the rest of its page (e.g. `<plaintext>`): the generator gives it a page of its own. */
  alone?: boolean;
}

export type Family =
  | 'script'
  | 'handler'
  | 'url'
  | 'svg-mathml'
  | 'frame'
  | 'mxss'
  | 'css'
  | 'base-meta-link'
  | 'form'
  | 'clobbering'
  | 'legacy';

/** `javascript:` written with every character as a decimal entity (`pad` zeros), as in the OWASP sheet. */
function decimalEntities(text: string, pad = 0, semicolon = true): string {
  return [...text].map((c) => `&#${String(c.codePointAt(0)).padStart(pad, '0')}${semicolon ? ';' : ''}`).join('');
}

function hexEntities(text: string, semicolon = true): string {
  return [...text].map((c) => `&#x${c.codePointAt(0)!.toString(16)}${semicolon ? ';' : ''}`).join('');
}

type Template = [family: Family, name: string, html: string, alone?: boolean];

const templates: Template[] = [
  // ── <script> ──────────────────────────────────────────────────────────────────────────────────────────────
  ['script', 'plain script', '<script>{JS}</script>'],
  ['script', 'upper-case script', '<SCRIPT>{JS}</SCRIPT>'],
  ['script', 'mixed-case script with type', '<ScRiPt type="text/javascript">{JS}</sCrIpT>'],
  ['script', 'module script', '<script type="module">{JS}</script>'],
  ['script', 'script with src to beacon', '<script src="{URL}"></script>'],
  ['script', 'script src data: URL', '<script src="data:text/javascript,{JS}"></script>'],
  ['script', 'slash instead of space', '<script/xss src="data:,{JS}"></script>'],
  ['script', 'nested split tag', '<scr<script>ipt>{JS}</scr</script>ipt>'],
  ['script', 'extra open bracket', '<<script>{JS}//<</script>'],
  ['script', 'script with defer and async', '<script defer async>{JS}</script>'],
  ['script', 'script in table', '<table><tr><td>cell<script>{JS}</script></td></tr></table>'],
  ['script', 'script in list item', '<ul><li>item<script>{JS}</script></li></ul>'],
  ['script', 'script with comment wrapper', '<script><!--\n{JS}\n//--></script>'],
  ['script', 'script with for/event (legacy)', '<script for="window" event="onload">{JS}</script>'],
  ['script', 'script with language attribute', '<script language="javascript">{JS}</script>'],
  ['script', 'unclosed script attribute trick', '<script a=">" src="data:,{JS}"></script>'],

  // ── event handlers ───────────────────────────────────────────────────────────────────────────────────────
  ['handler', 'img onerror', '<img src="x-missing.png" onerror="{JS}">'],
  ['handler', 'img onerror unquoted', '<img src=x onerror={JS}>'],
  ['handler', 'img onload with data image', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="{JS}">'],
  ['handler', 'img slashes as separators', '<img/src="x"/onerror="{JS}">'],
  ['handler', 'img onError camel case', '<IMG SRC=x onError="{JS}">'],
  ['handler', 'img handler with entity-encoded body', '<img src=x onerror="&#x74;&#x6f;&#x70;.__xss(NUM)">'],
  ['handler', 'img handler decimal entities', '<img src=x onerror="' + decimalEntities('top.__xss(') + 'NUM)">'],
  ['handler', 'img with quote soup', '<img """><script>{JS}</script>">'],
  ['handler', 'img eval(src) trick', '<img src="x:top.__xss(NUM)" onerror="eval(src.slice(2))">'],
  ['handler', 'image tag renamed to img', '<image src=x onerror="{JS}">'],
  ['handler', 'svg onload', '<svg onload="{JS}"></svg>'],
  ['handler', 'svg slash onload', '<svg/onload={JS}>'],
  ['handler', 'body onload merged into real body', '<body onload="{JS}">'],
  ['handler', 'body onpageshow', '<body onpageshow="{JS}">'],
  ['handler', 'input autofocus onfocus', '<input autofocus onfocus="{JS}">'],
  ['handler', 'select autofocus onfocus', '<select autofocus onfocus="{JS}"><option>a</option></select>'],
  ['handler', 'textarea autofocus onfocus', '<textarea autofocus onfocus="{JS}">t</textarea>'],
  ['handler', 'details ontoggle', '<details open ontoggle="{JS}"><summary>More</summary>Details</details>'],
  ['handler', 'video source onerror', '<video><source src="x-missing.mp4" onerror="{JS}"></video>'],
  ['handler', 'video poster onerror', '<video poster="x-missing.png" onerror="{JS}" src="x-missing.mp4"></video>'],
  ['handler', 'audio onerror', '<audio src="x-missing.mp3" onerror="{JS}"></audio>'],
  ['handler', 'marquee onstart', '<marquee loop="1" onstart="{JS}">news</marquee>'],
  ['handler', 'object onerror', '<object data="x-missing.bin" onerror="{JS}"></object>'],
  ['handler', 'iframe onload', '<iframe onload="{JS}"></iframe>'],
  ['handler', 'style onload', '<style onload="{JS}">.x{}</style>'],
  ['handler', 'link onerror', '<link rel="stylesheet" href="x-missing.css" onerror="{JS}">'],
  ['handler', 'input type=image onerror', '<input type="image" src="x-missing.png" onerror="{JS}">'],
  ['handler', 'anchor onmouseover', '<a href="#top" onmouseover="{JS}">hover me</a>'],
  ['handler', 'div onclick', '<div onclick="{JS}">click me</div>'],
  ['handler', 'span onpointerenter', '<span onpointerenter="{JS}">pointer</span>'],
  ['handler', 'custom element onfocus tabindex', '<x-card tabindex="1" onfocus="{JS}" id="xfocusNUM">card</x-card>'],
  ['handler', 'contenteditable onfocus', '<p contenteditable autofocus onfocus="{JS}">editable</p>'],
  ['handler', 'CSS animation onanimationstart', '<div style="animation:xss-spin 1ms 1" onanimationstart="{JS}">anim</div>'],
  ['handler', 'ontransitionend', '<div style="transition:color 1ms" ontransitionend="{JS}">transition</div>'],
  ['handler', 'handler after vertical tab', '<img src=x onerror\x0b="{JS}">'],
  ['handler', 'handler after form feed', '<img src=x\x0conerror="{JS}">'],
  ['handler', 'handler with newline before =', '<img src=x onerror\n=\n"{JS}">'],
  ['handler', 'duplicate attribute first wins', '<img src=x onerror="{JS}" onerror="void 0">'],
  ['handler', 'track onerror', '<video><track src="x-missing.vtt" default onerror="{JS}"></video>'],
  ['handler', 'svg image onerror', '<svg><image href="x-missing.png" onerror="{JS}"/></svg>'],
  ['handler', 'onwheel on figure', '<figure onwheel="{JS}"><figcaption>wheel</figcaption></figure>'],
  ['handler', 'oncopy on blockquote', '<blockquote oncopy="{JS}">quote</blockquote>'],
  ['handler', 'onbeforeprint on section', '<section onbeforeprint="{JS}">print</section>'],
  ['handler', 'onscrollend on div', '<div onscrollend="{JS}" style="overflow:auto;height:2em">scroll</div>'],
  ['handler', 'popover onbeforetoggle', '<div popover id="popNUM" onbeforetoggle="{JS}">pop</div><button popovertarget="popNUM">p</button>'],
  ['handler', 'oncontentvisibilityautostatechange', '<div style="content-visibility:auto" oncontentvisibilityautostatechange="{JS}">cv</div>'],

  // ── dangerous URLs ───────────────────────────────────────────────────────────────────────────────────────
  ['url', 'javascript: link', '<a href="javascript:{JS}">link</a>'],
  ['url', 'JAVASCRIPT: upper case', '<a href="JAVASCRIPT:{JS}">link</a>'],
  ['url', 'javascript: mixed case', '<a href="JaVaScRiPt:{JS}">link</a>'],
  ['url', 'decimal entities', '<a href="' + decimalEntities('javascript:') + '{JS}">link</a>'],
  ['url', 'padded decimal entities without semicolons', '<a href="' + decimalEntities('javascript:', 7, false) + '{JS}">link</a>'],
  ['url', 'hex entities', '<a href="' + hexEntities('javascript:') + '{JS}">link</a>'],
  ['url', 'hex entities without semicolons', '<a href="' + hexEntities('javascript:', false) + '{JS}">link</a>'],
  ['url', 'embedded tab', '<a href="jav\tascript:{JS}">link</a>'],
  ['url', 'embedded encoded tab', '<a href="jav&#x09;ascript:{JS}">link</a>'],
  ['url', 'embedded encoded newline', '<a href="jav&#x0A;ascript:{JS}">link</a>'],
  ['url', 'embedded encoded carriage return', '<a href="jav&#x0D;ascript:{JS}">link</a>'],
  ['url', 'named entities &Tab; &NewLine; &colon;', '<a href="java&Tab;script&NewLine;&colon;{JS}">link</a>'],
  ['url', 'leading spaces and meta chars', '<a href=" &#14;  javascript:{JS}">link</a>'],
  ['url', 'leading control characters', '<a href="\x01java\x03script:{JS}">link</a>'],
  ['url', 'leading U+2028', '<a href="\u2028javascript:{JS}">link</a>'],
  ['url', 'leading NBSP entity', '<a href="&#xA0;javascript:{JS}">link</a>'],
  ['url', 'javascript: with comment and newline', '<a href="javascript://%0A{JS}">link</a>'],
  ['url', 'unquoted href', '<a href=javascript:{JS}>link</a>'],
  ['url', 'javascript: on area', '<map name="mNUM"><area shape="rect" coords="0,0,10,10" href="javascript:{JS}"></map>'],
  ['url', 'javascript: img src', '<img src="javascript:{JS}">'],
  ['url', 'javascript: iframe src', '<iframe src="javascript:{JS}"></iframe>'],
  ['url', 'javascript: iframe entity-obfuscated', '<iframe src="jAva&Tab;script:{JS}"></iframe>'],
  ['url', 'data:text/html link', '<a href="data:text/html,<script>{PING}</script>">link</a>'],
  ['url', 'data:text/html;base64 link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>'],
  ['url', 'data: iframe', '<iframe src="data:text/html,<script>{PING}</script>"></iframe>'],
  ['url', 'data: svg image link', '<a href="data:image/svg+xml,<svg onload=&quot;{PING}&quot;/>">svg</a>'],
  ['url', 'vbscript: link', '<a href="vbscript:msgbox(NUM)">link</a>'],
  ['url', 'vbscript: upper case', '<a href="VBSCRIPT:msgbox(NUM)">link</a>'],
  ['url', 'javascript: in xlink:href on svg a', '<svg><a xlink:href="javascript:{JS}"><text x="0" y="15">svg link</text></a></svg>'],
  ['url', 'javascript: in href on svg a', '<svg><a href="javascript:{JS}"><text x="0" y="15">svg link</text></a></svg>'],
  ['url', 'javascript: on math element', '<math href="javascript:{JS}"><mi>x</mi></math>'],
  ['url', 'maction xlink:href', '<math><maction actiontype="statusline" xlink:href="javascript:{JS}">CLICKME</maction></math>'],
  ['url', 'polyglot javascript: URL', '<a href="jaVasCript:/*-/*`/*\\`/*\'/*&quot;/**/(/* */oNcliCk={JS} )//">polyglot</a>'],
  ['url', 'javascript: in cite', '<blockquote cite="javascript:{JS}">cited</blockquote>'],
  ['url', 'javascript: in background attribute', '<table background="javascript:{JS}"><tr><td>bg</td></tr></table>'],
  ['url', 'javascript: in srcset', '<img srcset="javascript:{JS} 1x">'],
  ['url', 'javascript: in poster', '<video poster="javascript:{JS}"></video>'],
  ['url', 'javascript: in ping', '<a href="#x" ping="javascript:{JS}">ping</a>'],
  ['url', 'javascript: link with target _blank', '<a target="_blank" href="javascript:{JS}">new window</a>'],
  ['url', 'percent-encoded scheme', '<a href="%6A%61vascript:{JS}">link</a>'],

  // ── SVG and MathML ───────────────────────────────────────────────────────────────────────────────────────
  ['svg-mathml', 'svg script', '<svg><script>{JS}</script></svg>'],
  ['svg-mathml', 'svg script xlink:href data:', '<svg><script xlink:href="data:,{JS}"></script></svg>'],
  ['svg-mathml', 'svg script href data:', '<svg><script href="data:,{JS}"></script></svg>'],
  ['svg-mathml', 'foreignObject img onerror', '<svg><foreignObject><img src=x onerror="{JS}"></foreignObject></svg>'],
  ['svg-mathml', 'svg animate onbegin', '<svg><animate onbegin="{JS}" attributeName="x" dur="1ms" repeatCount="1"/></svg>'],
  ['svg-mathml', 'svg set onbegin', '<svg><set onbegin="{JS}" attributeName="x" to="1" dur="1ms"/></svg>'],
  ['svg-mathml', 'svg animate href to javascript:', '<svg><a><animate attributeName="href" values="javascript:{JS}"/><text x="0" y="15">animated</text></a></svg>'],
  ['svg-mathml', 'svg set xlink:href to javascript:', '<svg><a><set attributeName="xlink:href" to="javascript:{JS}"/><text x="0" y="15">set</text></a></svg>'],
  ['svg-mathml', 'svg use data: external', '<svg><use href="data:image/svg+xml,<svg id=&quot;x&quot; xmlns=&quot;http://www.w3.org/2000/svg&quot;><image href=&quot;1&quot; onerror=&quot;{PING}&quot;/></svg>#x"/></svg>'],
  ['svg-mathml', 'svg style breakout img', '<svg><style><img src=x onerror="{JS}"></style></svg>'],
  ['svg-mathml', 'svg title style img', '<svg><title><style><img src=x onerror="{JS}"></style></title></svg>'],
  ['svg-mathml', 'svg desc img', '<svg><desc><img src=x onerror="{JS}"></desc></svg>'],
  ['svg-mathml', 'svg feImage javascript:', '<svg><filter><feImage href="javascript:{JS}"/></filter></svg>'],
  ['svg-mathml', 'svg handler element (legacy)', '<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">{JS}</handler></svg>'],
  ['svg-mathml', 'svg discard onbegin', '<svg><discard onbegin="{JS}"/></svg>'],
  ['svg-mathml', 'math annotation-xml html', '<math><annotation-xml encoding="text/html"><img src=x onerror="{JS}"></annotation-xml></math>'],
  ['svg-mathml', 'math mtext table mglyph style', '<math><mtext><table><mglyph><style><img src=x onerror="{JS}"></style></mglyph></table></mtext></math>'],
  ['svg-mathml', 'math mi mglyph svg mtext textarea', '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img src=x onerror=\'{JS}\'>"></path></textarea></mtext></svg></mglyph></mi></math>'],
  ['svg-mathml', 'form math mtext mglyph style (DOMPurify 2.2.2)', '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=x onerror=\'{JS}\'>"></path></style></mtext></svg></mglyph></form></mtext></math>'],
  ['svg-mathml', 'svg </p> style id (DOMPurify 2.0.x)', '<svg></p><style><a id="</style><img src=x onerror=\'{JS}\'>"></a></style></svg>'],
  ['svg-mathml', 'math a xlink:href', '<math><a xlink:href="javascript:{JS}">math link</a></math>'],
  ['svg-mathml', 'svg CDATA breakout', '<svg><![CDATA[><img src=x onerror="{JS}">]]></svg>'],
  ['svg-mathml', 'svg p style namespace confusion', '<svg><p><style><g title="</style><img src=x onerror=\'{JS}\'>"></g></style></p></svg>'],

  // ── frames, objects, srcdoc ──────────────────────────────────────────────────────────────────────────────
  ['frame', 'iframe srcdoc script', '<iframe srcdoc="&lt;script&gt;{JS}&lt;/script&gt;"></iframe>'],
  ['frame', 'iframe srcdoc img onerror', '<iframe srcdoc="<img src=x onerror=&quot;{JS}&quot;>"></iframe>'],
  ['frame', 'iframe sandbox allow-scripts srcdoc', '<iframe sandbox="allow-scripts" srcdoc="<script>{PING}</script>"></iframe>'],
  ['frame', 'iframe to beacon', '<iframe src="{URL}"></iframe>'],
  ['frame', 'frame in body', '<frame src="{URL}">'],
  ['frame', 'object data html', '<object data="{URL}" type="text/html"></object>'],
  ['frame', 'object data javascript:', '<object data="javascript:{JS}"></object>'],
  ['frame', 'object param src', '<object><param name="src" value="javascript:{JS}"></object>'],
  ['frame', 'embed src html', '<embed src="{URL}" type="text/html">'],
  ['frame', 'embed svg data:', '<embed src="data:image/svg+xml,<svg xmlns=&quot;http://www.w3.org/2000/svg&quot; onload=&quot;{PING}&quot;/>">'],
  ['frame', 'embed javascript:', '<embed src="javascript:{JS}">'],
  ['frame', 'applet', '<applet code="x" codebase="{URL}"></applet>'],
  ['frame', 'portal', '<portal src="{URL}"></portal>'],
  ['frame', 'fencedframe', '<fencedframe src="{URL}"></fencedframe>'],

  // ── mutation XSS ─────────────────────────────────────────────────────────────────────────────────────────
  ['mxss', 'noscript comment', '<b><noscript><!-- </noscript><img src=x onerror="{JS}"> --></noscript></b>'],
  ['mxss', 'noscript attribute', '<b><noscript><a title="</noscript><img src=x onerror=\'{JS}\'>"></a></noscript></b>'],
  ['mxss', 'nested templates', '<template><s><template><s><img src=x onerror="{JS}">x</s></template></s></template>'],
  ['mxss', 'listing entity round trip', '<listing>&lt;img src=x onerror=&quot;{JS}&quot;&gt;</listing>'],
  ['mxss', 'textarea then comment', '<textarea>t</textarea><!--</textarea><img src=x onerror="{JS}">-->'],
  ['mxss', 'option style select', '<select><option><style></option></select><b><img src=x onerror="{JS}"></style></option></select>'],
  ['mxss', 'style then self-closed style', '<b><style><style/><img src=x onerror="{JS}"></style></b>'],
  ['mxss', 'noembed title', '<noembed><img title="</noembed><img src=x onerror=\'{JS}\'>"></noembed>'],
  ['mxss', 'noframes title', '<noframes><img title="</noframes><img src=x onerror=\'{JS}\'>"></noframes>'],
  ['mxss', 'xmp title', '<xmp><img title="</xmp><img src=x onerror=\'{JS}\'>"></xmp>'],
  ['mxss', 'iframe content title', '<iframe><img title="</iframe><img src=x onerror=\'{JS}\'>"></iframe>'],
  ['mxss', 'title element in body', '<title><img title="</title><img src=x onerror=\'{JS}\'>"></title>'],
  ['mxss', 'bogus comment --!>', '<!-- --!><img src=x onerror="{JS}"> -->'],
  ['mxss', 'comment inside attribute', '<img title="<!--" src=x><img src=x title="-->" onerror="{JS}">'],
  ['mxss', 'processing instruction', '<?xml ><img src=x onerror="{JS}">?>'],
  ['mxss', 'id slash attribute', '<img src=x id/=\' onerror={JS}//\'>'],
  ['mxss', 'backtick attribute value', '<img alt="`"><img src=x onerror="{JS}">'],
  ['mxss', 'math mtext h1 a h6 mglyph', '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src=x onerror=\'{JS}\'>"></a></style></mtext></svg></mglyph></h1></mtext></math>'],
  ['mxss', 'table in p in svg foreignObject', '<svg><foreignObject><p><table><style><img src=x onerror="{JS}"></style></table></p></foreignObject></svg>'],
  ['mxss', 'select template style comment', '<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=\'{JS}\'>"></a></template></select>'],
  ['mxss', 'escaped in title attribute (must stay text)', '<a title="&lt;img src=x onerror={JS}&gt;" href="#ok">entity title</a>'],
  ['mxss', 'plaintext swallows the rest', '<plaintext><img src=x onerror="{JS}">', true],

  // ── CSS ──────────────────────────────────────────────────────────────────────────────────────────────────
  ['css', 'style url(javascript:)', '<div style="background-image:url(javascript:{JS})">css</div>'],
  ['css', 'style expression()', '<div style="width:expression({JS})">css</div>'],
  ['css', 'style expression with comment', '<div style="xss:expr/*x*/ession({JS})">css</div>'],
  ['css', 'style escaped expression', '<div style="xss:\\65 xpression({JS})">css</div>'],
  ['css', 'style element @import javascript:', "<style>@import 'javascript:{JS}';</style>"],
  ['css', 'style element @import beacon', "<style>@import url('{URL}');</style>"],
  ['css', 'style element -moz-binding', '<style>p{-moz-binding:url("{URL}#xss")}</style>'],
  ['css', 'style element behavior', '<style>p{behavior:url({URL})}</style>'],
  ['css', 'style attribute -moz-binding', '<p style="-moz-binding:url(\'{URL}#xss\')">binding</p>'],
  ['css', 'style list-style-image javascript:', '<ul style="list-style-image:url(javascript:{JS})"><li>item</li></ul>'],
  ['css', 'style element closing breakout', '<style></style><img src=x onerror="{JS}"></style>'],

  // ── <base>, <meta>, <link> ───────────────────────────────────────────────────────────────────────────────
  ['base-meta-link', 'base href javascript:', '<base href="javascript:{JS}//"><a href="relative">relative link</a>'],
  ['base-meta-link', 'meta refresh javascript:', '<meta http-equiv="refresh" content="0;url=javascript:{JS}">'],
  ['base-meta-link', 'meta refresh to beacon', '<meta http-equiv="refresh" content="0; url={URL}">'],
  ['base-meta-link', 'meta refresh data:', '<meta http-equiv="refresh" content="0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">'],
  ['base-meta-link', 'meta set-cookie', '<meta http-equiv="Set-Cookie" content="xssNUM=1">'],
  ['base-meta-link', 'meta CSP override', '<meta http-equiv="Content-Security-Policy" content="script-src * \'unsafe-inline\'">'],
  ['base-meta-link', 'link rel=import', '<link rel="import" href="{URL}">'],
  ['base-meta-link', 'link rel=stylesheet', '<link rel="stylesheet" href="{URL}">'],
  ['base-meta-link', 'link rel=preload as=script', '<link rel="preload" as="script" href="{URL}">'],
  ['base-meta-link', 'link rel=modulepreload', '<link rel="modulepreload" href="{URL}">'],
  ['base-meta-link', 'link javascript: href', '<link rel="stylesheet" href="javascript:{JS}">'],

  // ── forms ────────────────────────────────────────────────────────────────────────────────────────────────
  ['form', 'form action javascript:', '<form action="javascript:{JS}"><input type="submit" value="Send"></form>'],
  ['form', 'form action beacon', '<form action="{URL}" method="post"><input name="password" type="password"><button>Log in</button></form>'],
  ['form', 'button formaction javascript:', '<form><button formaction="javascript:{JS}">Go</button></form>'],
  ['form', 'input formaction javascript:', '<form><input type="submit" formaction="javascript:{JS}" value="Go"></form>'],
  ['form', 'button form= attribute hijack', '<form id="hijackNUM"></form><button form="hijackNUM" formaction="{URL}">Outside</button>'],
  ['form', 'form onsubmit', '<form onsubmit="{JS}"><input name="q"></form>'],
  ['form', 'isindex action', '<isindex action="javascript:{JS}" type="image">'],
  ['form', 'button onclick', '<button onclick="{JS}">Press</button>'],

  // ── DOM clobbering ───────────────────────────────────────────────────────────────────────────────────────
  ['clobbering', 'name=getElementById', '<img src="x-missing.png" name="getElementById">'],
  ['clobbering', 'id=createElement', '<img src="x-missing.png" id="createElement">'],
  ['clobbering', 'name=cookie', '<img src="x-missing.png" name="cookie">'],
  ['clobbering', 'id=location link', '<a href="#some-code-here" id="location">location</a>'],
  ['clobbering', 'form input name=attributes', '<form><input name="attributes"><input name="attributes"></form>'],
  ['clobbering', 'input name=parentNode', '<form><input name="parentNode">parent</form>'],
  ['clobbering', 'input name=nodeName', '<form><input name="nodeName">node</form>'],
  ['clobbering', 'name=body', '<form name="body"><input name="x"></form>'],
  ['clobbering', 'inputs named after element methods', '<form id="signup"><input name="getAttribute"><input name="closest"><input name="removeAttribute"></form>'],
  ['clobbering', 'name=cloneNode', '<img src="x-missing.png" name="cloneNode">'],
  ['clobbering', 'name=getElementsByTagName', '<img src="x-missing.png" name="getElementsByTagName">'],
  ['clobbering', 'name=querySelectorAll embed', '<embed name="querySelectorAll">'],
  ['clobbering', 'name=defaultView iframe', '<iframe name="defaultView" src="about:blank"></iframe>'],
  ['clobbering', 'name=URL', '<img src="x-missing.png" name="URL">'],
  ['clobbering', 'name=documentElement embed', '<embed name="documentElement">'],
  ['clobbering', 'id=defaultView', '<a id="defaultView" href="#dv">dv</a>'],
  ['clobbering', 'window.config double-anchor clobber', '<a id="config"></a><a id="config" name="url" href="javascript:{JS}">cfg</a>'],
  ['clobbering', 'name=currentScript', '<img name="currentScript" src="data:,x">'],
  ['clobbering', 'id=forms', '<div id="forms">forms</div>'],

  // ── legacy and odd ───────────────────────────────────────────────────────────────────────────────────────
  ['legacy', 'conditional comment', '<!--[if gte IE 4]><script>{JS}</script><![endif]-->'],
  ['legacy', 'img dynsrc', '<img dynsrc="javascript:{JS}">'],
  ['legacy', 'img lowsrc', '<img lowsrc="javascript:{JS}">'],
  ['legacy', 'bgsound', '<bgsound src="javascript:{JS}">'],
  ['legacy', 'br size JS entity', '<br size="&{{JS}}">'],
  ['legacy', 'layer src', '<layer src="{URL}"></layer>'],
  ['legacy', 'xml data island', '<xml id="xNUM"><x><c><![CDATA[<img src=x onerror="{JS}">]]></c></x></xml>'],
  ['legacy', 'object scriptlet', '<object type="text/x-scriptlet" data="{URL}"></object>'],
  ['legacy', 'xss attribute in unknown tag', '<xss onxss="{JS}" style="x:expression({JS})">unknown</xss>'],
  ['legacy', 'keygen autofocus onfocus', '<keygen autofocus onfocus="{JS}">'],
  ['legacy', 'svg in img src data:', '<img src="data:image/svg+xml,<svg xmlns=&quot;http://www.w3.org/2000/svg&quot; onload=&quot;{PING}&quot;/>">'],
  ['legacy', 'target=_blank link without rel (must get noopener)', '<a href="http://127.0.0.1:1/elsewhere" target="_blank">elsewhere</a>'],
  ['legacy', 'form target window name', '<a href="#n" target="__xss">named target</a>'],
  ['legacy', 'data-* attribute with payload (must stay inert)', '<span data-x="javascript:{JS}">data attr</span>'],
];

/** The corpus with ids assigned; `port` is the test server's (for beacon URLs). */
export function xssVectors(port: number): XssVector[] {
  return templates.map(([family, name, html, alone], index) => {
    const id = index + 1;
    const url = `http://127.0.0.1:${port}/beacon?id=${id}`;
    return {
      id,
      family,
      name,
      alone,
      html: html
        .replaceAll('{PING}', `(new Image).src='${url}'`)
        .replaceAll('{JS}', `top.__xss(${id})`)
        .replaceAll('{URL}', url)
        .replaceAll('NUM', String(id)),
    };
  });
}
