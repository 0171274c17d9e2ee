module.exports = { ...require('../../jest.preset.js'), displayName: 'kos-api', rootDir: __dirname };
