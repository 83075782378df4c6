import { dangers } from '../tests/safety/dom.ts';
console.log(dangers('<p onclick="x">a</p><a href="java\tscript:x">b</a><img src="//evil/x"><script>1</script><style>x</style><meta http-equiv="refresh" content="0"><div style="x">'));
