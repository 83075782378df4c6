if (process.argv[2] === 'tsx') { const { register } = await import('tsx/esm/api'); register(); }
await import(process.argv[3]);
