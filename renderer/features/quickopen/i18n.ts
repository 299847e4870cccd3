export const catalog = {
  en: {
    title: 'Quick open',
    placeholder: 'Documents, cities, clause headings, themes, notes, commands…',
    hint: 'Ctrl+K / ⌘K',
    none: 'Nothing matches.',
    loading: 'Loading…',
    kind: { document: 'Document', clause: 'Clause', theme: 'Theme', note: 'Note', comparison: 'Comparison', command: 'Command', city: 'City' },
    searchFor: 'Search clauses for “{{q}}”',
    city: 'Documents of {{city}}',
    cmd: {
      import: 'Import files…',
      compare: 'New comparison',
      language: 'Switch language to {{language}}',
      search: 'Open Search',
    },
  },
  'zh-CN': {
    title: '快速打开',
    placeholder: '文件、城市、条款标题、主题、批注、命令…',
    hint: 'Ctrl+K / ⌘K',
    none: '没有匹配项。',
    loading: '加载中…',
    kind: { document: '文件', clause: '条款', theme: '主题', note: '批注', comparison: '比较', command: '命令', city: '城市' },
    searchFor: '检索包含“{{q}}”的条款',
    city: '{{city}}的文件',
    cmd: {
      import: '导入文件…',
      compare: '新建比较',
      language: '切换语言为{{language}}',
      search: '打开检索',
    },
  },
};
