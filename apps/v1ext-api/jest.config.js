module.exports = { ...require('../../jest.preset.js'), displayName: 'v1ext-api', rootDir: __dirname };
