module.exports = { ...require('../../jest.preset.js'), displayName: 'blob', rootDir: __dirname };
