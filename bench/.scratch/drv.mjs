const { main } = await import(process.argv[2]);
const code = await main(process.argv.slice(3), { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n'), cwd: process.cwd(), env: process.env, color: false });
process.exit(code);
