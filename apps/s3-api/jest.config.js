module.exports = { ...require('../../jest.preset.js'), displayName: 's3-api', rootDir: __dirname };
