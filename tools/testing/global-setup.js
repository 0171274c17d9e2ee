// Placeholder replaced below once the metadata template exists.
module.exports = async () => {};
