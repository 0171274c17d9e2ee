module.exports = { ...require('../../jest.preset.js'), displayName: 'swift-api', rootDir: __dirname };
