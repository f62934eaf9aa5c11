"""
Reads a PDF's structure the way assistive technology does, with pikepdf (qpdf), a library this
project did not write, and prints it as JSON for test/pdf-structure-checks.ts, run by test/build.e2e.test.ts:

- every structure element: its type, its text (the text of its marked content, in order), the
  pages its content is on, /Alt,
  and for tables the cells of each row;
- on each page, text painted outside any marked content (neither tagged nor an artifact), and
  the text painted inside /Artifact sequences;
- link annotations, the outline's titles, the catalogue's metadata, the PDF version.

Text is decoded through each font's /ToUnicode map, as a screen reader's PDF library does.
Usage: python3 pdf-structure.py FILE.pdf
"""
import json
import re
import sys

import pikepdf


def unicode_map(font):
    """Character code -> text, from a font's /ToUnicode CMap (bfchar and bfrange)."""
    mapping = {}
    to_unicode = font.get('/ToUnicode')
    if to_unicode is None:
        return mapping, 1
    data = to_unicode.read_bytes().decode('latin1')
    width = 1
    for block in re.findall(r'begincodespacerange(.*?)endcodespacerange', data, re.S):
        first = re.search(r'<([0-9A-Fa-f]+)>', block)
        if first:
            width = len(first.group(1)) // 2

    def text_of(hexes):
        raw = bytes.fromhex(hexes)
        return raw.decode('utf-16-be', errors='replace')

    for block in re.findall(r'beginbfchar(.*?)endbfchar', data, re.S):
        for code, target in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>', block):
            mapping[int(code, 16)] = text_of(target)
    for block in re.findall(r'beginbfrange(.*?)endbfrange', data, re.S):
        for start, end, rest in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)', block):
            low, high = int(start, 16), int(end, 16)
            if rest.startswith('['):
                targets = re.findall(r'<([0-9A-Fa-f]*)>', rest)
                for offset, target in enumerate(targets):
                    mapping[low + offset] = text_of(target)
            else:
                base = int(rest[1:-1], 16)
                digits = len(rest) - 2
                for offset in range(high - low + 1):
                    mapping[low + offset] = text_of(format(base + offset, '0%dx' % digits))
    return mapping, width


def decode(raw, font):
    mapping, width = font
    out = []
    for index in range(0, len(raw) - width + 1, width):
        code = int.from_bytes(raw[index:index + width], 'big')
        out.append(mapping.get(code, '\ufffd'))
    return ''.join(out)


def page_text(page, fonts_cache):
    """(text by MCID, untagged text, artifact text) for one page, following form XObjects."""
    by_mcid = {}
    untagged = []
    artifacts = []

    def run(stream_owner, resources, stack):
        fonts = {}
        font_dict = resources.get('/Font', {}) if resources is not None else {}
        for name, font in font_dict.items():
            key = font.objgen
            if key not in fonts_cache:
                fonts_cache[key] = unicode_map(font)
            fonts[name] = fonts_cache[key]
        xobjects = resources.get('/XObject', {}) if resources is not None else {}
        current = None
        for operands, operator in pikepdf.parse_content_stream(stream_owner):
            op = str(operator)
            if op == 'BDC':
                tag = str(operands[0])
                props = operands[1]
                mcid = None
                if isinstance(props, pikepdf.Dictionary) and '/MCID' in props:
                    mcid = int(props.MCID)
                stack.append((tag, mcid))
            elif op == 'BMC':
                stack.append((str(operands[0]), None))
            elif op == 'EMC':
                if stack:
                    stack.pop()
            elif op == 'Tf':
                current = fonts.get(str(operands[0]))
            elif op in ('Tj', "'", '"', 'TJ'):
                if op == 'TJ':
                    raw = b''.join(bytes(item) for item in operands[0] if isinstance(item, pikepdf.String))
                else:
                    raw = bytes(operands[-1])
                text = decode(raw, current) if current else '\ufffd'
                owner = next((entry for entry in reversed(stack) if entry[1] is not None or entry[0] == '/Artifact'), None)
                if owner is None:
                    untagged.append(text)
                elif owner[0] == '/Artifact':
                    artifacts.append(text)
                else:
                    by_mcid[owner[1]] = by_mcid.get(owner[1], '') + text
            elif op == 'Do':
                target = xobjects.get(str(operands[0]))
                if target is not None and target.get('/Subtype') == '/Form':
                    run(target, target.get('/Resources', resources), stack)
            elif op in ('re', 'f', 'S', 'B', 'b', 'f*', 'B*', 'b*', 's', 'sh'):
                if not stack and op in ('f', 'S', 'B', 'b', 'f*', 'B*', 'b*', 's', 'sh'):
                    untagged.append('<' + op + '>')

    run(page.obj, page.obj.get('/Resources'), [])
    return by_mcid, ''.join(ch for ch in untagged if not ch.startswith('<')), [ch for ch in untagged if ch.startswith('<')], ''.join(artifacts)


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    fonts_cache = {}
    page_index = {page.obj.objgen: number for number, page in enumerate(pdf.pages, 1)}
    texts = {}
    pages = []
    for number, page in enumerate(pdf.pages, 1):
        by_mcid, untagged, untagged_paint, artifact = page_text(page, fonts_cache)
        texts[page.obj.objgen] = by_mcid
        links = []
        for annot in page.obj.get('/Annots', []):
            if annot.get('/Subtype') == '/Link':
                contents = annot.get('/Contents')
                links.append({'contents': str(contents) if contents is not None else None, 'hasStructParent': '/StructParent' in annot})
        pages.append({'number': number, 'untaggedText': untagged, 'untaggedPaint': len(untagged_paint), 'artifactText': artifact, 'links': links})

    elements = []
    role_map = {}
    tree = root.get('/StructTreeRoot')
    if tree is not None and '/RoleMap' in tree:
        role_map = {str(k): str(v) for k, v in tree.RoleMap.items()}

    def text_of(element, page, pages=None):
        kids = element.get('/K')
        if kids is None:
            return ''
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        own_page = element.get('/Pg', page)
        parts = []
        for kid in kids:
            if isinstance(kid, int):
                parts.append(texts.get(own_page.objgen, {}).get(int(kid), '') if own_page is not None else '')
                if pages is not None and own_page is not None:
                    pages.append(page_index.get(own_page.objgen))
            elif isinstance(kid, pikepdf.Dictionary):
                kind = kid.get('/Type')
                if kind == '/MCR':
                    kid_page = kid.get('/Pg', own_page)
                    parts.append(texts.get(kid_page.objgen, {}).get(int(kid.MCID), ''))
                    if pages is not None:
                        pages.append(page_index.get(kid_page.objgen))
                elif kind == '/OBJR':
                    continue
                else:
                    parts.append(text_of(kid, own_page, pages))
        return ''.join(parts)

    def walk(element, page, path):
        kind = element.get('/S')
        if kind is None:
            return
        kind = str(kind)
        own_page = element.get('/Pg', page)
        pages = []
        entry = {'type': kind, 'text': text_of(element, own_page, pages), 'path': path}
        pages = sorted(set(number for number in pages if number is not None))
        entry['pages'] = pages
        if '/Alt' in element:
            entry['alt'] = str(element.Alt)
        if '/ActualText' in element:
            entry['actualText'] = str(element.ActualText)
        if pages:
            entry['page'] = pages[0]
        elif own_page is not None and own_page.objgen in page_index:
            entry['page'] = page_index[own_page.objgen]
        if kind == '/Table':
            rows = []

            def collect(node):
                for kid in children(node):
                    name = str(kid.get('/S'))
                    if name == '/TR':
                        rows.append([{'type': str(cell.get('/S')), 'text': text_of(cell, own_page),
                                      'colSpan': int(cell.A.get('/ColSpan', 1)) if isinstance(cell.get('/A'), pikepdf.Dictionary) else 1}
                                     for cell in children(kid)])
                    elif name in ('/THead', '/TBody', '/TFoot'):
                        collect(kid)
            collect(element)
            entry['rows'] = rows
        elements.append(entry)
        for kid in children(element):
            walk(kid, own_page, path + [kind])

    def children(element):
        kids = element.get('/K')
        if kids is None:
            return []
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and '/S' in kid]

    if tree is not None:
        for kid in children(tree):
            walk(kid, None, [])

    outline = []
    with pdf.open_outline() as opened:
        def visit(items, depth):
            for item in items:
                outline.append({'title': item.title, 'depth': depth})
                visit(item.children, depth + 1)
        visit(opened.root, 0)

    metadata = None
    if '/Metadata' in root:
        metadata = root.Metadata.read_bytes().decode('utf-8', errors='replace')

    print(json.dumps({
        'version': pdf.pdf_version,
        'catalogVersion': str(root.get('/Version', '')),
        'lang': str(root.get('/Lang', '')),
        'marked': bool(root.get('/MarkInfo', {}).get('/Marked', False)),
        'displayDocTitle': bool(root.get('/ViewerPreferences', {}).get('/DisplayDocTitle', False)),
        'title': str(pdf.docinfo.get('/Title', '')),
        'roleMap': role_map,
        'metadata': metadata,
        'pages': pages,
        'elements': elements,
        'outline': outline,
    }, ensure_ascii=False))


if __name__ == '__main__':
    main(sys.argv[1])
