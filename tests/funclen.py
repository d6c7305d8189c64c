import re,sys,glob
res=[]
for f in sorted(glob.glob('shell/*.c')+glob.glob('shell/lab/*.c')+glob.glob('cmds/*.c')):
    lines=open(f).read().split('\n')
    i=0
    while i<len(lines):
        l=lines[i]
        if l=='{' and i>0:
            # find header start
            j=i-1
            while j>0 and lines[j-1].strip() and not lines[j-1].startswith(('}','#','/*',' *')) and not lines[j-1].endswith(';'):
                j-=1
            name=re.search(r'(\w+)\s*\(', ' '.join(lines[j:i]))
            k=i+1
            while k<len(lines) and lines[k]!='}': k+=1
            n=k-i+1+(i-j)
            res.append((n,f,name.group(1) if name else '?'))
            i=k
        i+=1
res.sort(reverse=True)
over80=[r for r in res if r[0]>80]; over60=[r for r in res if r[0]>60]
print(len(over80),'over 80;',len(over60),'over 60')
for r in over60: print(*r)
