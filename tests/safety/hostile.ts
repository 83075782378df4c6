/** Hostile chapter Markdown shared by the sanitizer and PDF tests. Every payload carries a marker `PWN<n>`. */
export const hostileBody = String.raw`
## Links

[m1](javascript:alert('PWN01')) [m2](JaVaScRiPt:alert('PWN02')) [m3](&#106;avascript:alert('PWN03'))
[m4](&#x6A;avascript:alert('PWN04')) [m5](<java	script:alert('PWN05')>) [m6](vbscript:msgbox('PWN06'))

<a href="javascript:alert('PWN07')">a1</a> <a href="JAVASCRIPT:alert('PWN08')">a2</a>
<a href="&#106;avascript:alert('PWN09')">a3</a> <a href="&#x6A;avascript:alert('PWN10')">a4</a>
<a href="java	script:alert('PWN11')">a5</a> <a href="java
script:alert('PWN12')">a6</a> <a href=" javascript:alert('PWN13')">a7</a>
<a href="data:text/html,<script>alert('PWN14')</script>">a8</a> <a href="data:text/html;base64,UFdOMTU=">a9</a>
<a href="#%E0%A4%A">broken escape</a> <a href="../evil/#%zz">broken escape in a chapter link</a>

## Elements

<p onclick="alert('PWN16')" onmouseover="PWN17()">handlers</p>
<script>alert('PWN18')</script>
<svg><script>alert('PWN19')</script><circle onload="PWN20()"/></svg>
<iframe src="https://evil.example/PWN21"></iframe>
<base href="https://evil.example/PWN22/">
<form action="https://evil.example/PWN23"><input name="q" formaction="javascript:PWN24()"><button formaction="javascript:PWN25()">go</button></form>
<object data="https://evil.example/PWN26.swf"></object>
<embed src="https://evil.example/PWN27.swf">
<meta http-equiv="refresh" content="0;url=https://evil.example/PWN28">
<style>body { background: url(https://evil.example/PWN29.png) }</style>
<div style="background:url(https://evil.example/PWN30.png)">styled</div>
<img src=x onerror="alert('PWN31')">
<img src="https://evil.example/PWN32.gif" alt="tracker">
<link rel="stylesheet" href="https://evil.example/PWN33.css">
<math><mtext><table><mglyph><style><img src=x onerror=alert('PWN34')></style></mglyph></table></mtext></math>
<noscript><p title="</noscript><img src=x onerror=alert('PWN35')>"></noscript>
<video src="https://evil.example/PWN36.mp4" poster="https://evil.example/PWN37.png"></video>
<a href="https://example.org/" target="_blank" rel="opener" ping="https://evil.example/PWN38">ok</a>
<details open ontoggle="alert('PWN39')"><summary>s</summary>d</details>

## Clobbering

<div id="location">c1</div> <a name="getElementById">c2</a> <span id="__proto__">c3</span>
<img name="cookie" src="local.png" alt="c4"> <form name="forms"></form> <div id="top">c5</div> <div id="main">c6</div>
<div id="site-nav">c7</div>

<div data-monitor-figure="fig-members-secret"></div>
`;

/** Markers of payloads that must not survive anywhere in the output. */
export const hostileMarkers = Array.from({ length: 39 }, (_, i) => `PWN${String(i + 1).padStart(2, '0')}`);
