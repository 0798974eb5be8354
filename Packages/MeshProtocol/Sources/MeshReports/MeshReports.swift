// Report renderers live here (text, JSON, SARIF, GitHub annotations).
