"""A comparison: read every .xlsx in a folder with openpyxl (read-only) and add up every number; prints its peak RSS."""
import json
import os
import resource
import sys

import openpyxl

folder = sys.argv[1]
cells = 0
total = 0.0
for name in sorted(n for n in os.listdir(folder) if n.endswith('.xlsx')):
    wb = openpyxl.load_workbook(os.path.join(folder, name), read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is None:
                    continue
                cells += 1
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    total += v
    wb.close()
print(json.dumps({'cells': cells, 'sum': total}))
sys.stderr.write('\nBENCH_PEAK_RSS_KB=%d\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
