const sdk = require('node-appwrite');

function adminClient() {
  return new sdk.Client()
    .setEndpoint(process.env.NEXT_PUBLIC_APPWRITE_ENDPOINT)
    .setProject(process.env.NEXT_PUBLIC_APPWRITE_PROJECT)
    .setKey(process.env.APPWRITE_KEY);
}

module.exports = {
  postsDb: () => new sdk.Databases(adminClient()),
  usersApi: () => new sdk.Users(adminClient()),
};
