"""Reads a Gatling report's js/stats.js (a JS object literal) and finds a request or group's figures by name;
shared by actions.py and economy.py."""
import json, os, re


def read(report):
    text = open(os.path.join(report, 'js', 'stats.js')).read()
    text = text[text.index('{'):]
    text = re.sub(r'(\n\s*)(\w+):', r'\1"\2":', text)      # JS object keys -> JSON
    text = re.sub(r',(\s*[}\]])', r'\1', text)             # trailing commas
    return json.JSONDecoder().raw_decode(text)[0]


def find(node, name):
    """The stats of the request or group called name, depth first; None when there is none."""
    if node.get('name') == name:
        return node['stats']
    for child in (node.get('contents') or {}).values():
        found = find(child, name)
        if found:
            return found
    return None
