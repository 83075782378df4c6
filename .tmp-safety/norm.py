import re,sys
def norm(p):
    s=open(p,'rb').read()
    ids=sorted(set(int(m) for m in re.findall(rb'node(\d{8})',s)))
    rank={i:n for n,i in enumerate(ids)}
    s=re.sub(rb'node(\d{8})',lambda m:b'node%08d'%rank[int(m.group(1))],s)
    s=re.sub(rb'/ID \[<[0-9a-f]+><[0-9a-f]+>\]',b'/ID []',s)
    return s
a=norm(sys.argv[1]);b=norm(sys.argv[2]);print(a==b, len(a), len(b))
