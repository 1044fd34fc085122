// Example parameters for main.bicep. Copy to main.bicepparam (ignored nowhere: keep secrets out of it — they are read
// from environment variables at deployment time), fill in the ids, then:
//   export TEAMSPLANS_BOT_PASSWORD='<client secret from az ad app credential reset>'
//   export TEAMSPLANS_PG_PASSWORD='<a strong password>'
//   az deployment group create -g rg-teamsplans -f infra/bicep/main.bicep -p infra/bicep/main.example.bicepparam
using 'main.bicep'

param location = 'southeastasia'
param namePrefix = 'teamsplans'

// Bot identity: the single-tenant app registration created in docs/deploy.md step 1.
param botAppType = 'SingleTenant'
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppPassword = readEnvironmentVariable('TEAMSPLANS_BOT_PASSWORD')

// SharePoint/Planner sync through Microsoft Graph (same app registration; see the permissions table in docs/deploy.md).
param graphSyncMode = 'graph'
param graphGroupId = '00000000-0000-0000-0000-000000000000'
param graphSiteId = 'contoso.sharepoint.com,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000'

// State store for scale-out.
param postgresLocation = 'southeastasia'
param postgresVersion = '16'
param postgresSkuName = 'Standard_B1ms'
param postgresSkuTier = 'Burstable'
param postgresAdminLogin = 'teamsplans_admin'
param postgresAdminPassword = readEnvironmentVariable('TEAMSPLANS_PG_PASSWORD')

// Who is who on first contact (UPNs of the school's accounts).
param principals = [
  'hieutruong@contoso.edu.vn'
]
param admins = [
  'it@contoso.edu.vn'
]
// Fill in after uploading the app package (Teams admin center → Manage apps → TeamsPlans → App ID), then redeploy.
param teamsAppCatalogId = ''

param appServiceSkuName = 'B1'
param appServiceInstanceCount = 1
