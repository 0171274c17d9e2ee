module.exports = { ...require('../../jest.preset.js'), displayName: 'lifecycle-worker', rootDir: __dirname };
