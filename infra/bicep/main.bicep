// TeamsPlans in one resource group: Azure Bot (Teams channel) -> App Service on Linux (.NET 10) -> PostgreSQL flexible
// server (state store), Key Vault (RBAC) for secrets read through Key Vault references, Application Insights on
// Log Analytics. Deploy: az deployment group create -g <rg> -f infra/bicep/main.bicep -p infra/bicep/main.example.bicepparam
// (see docs/deploy.md, "Deploy to your tenant").
targetScope = 'resourceGroup'

@description('Azure region of the app, vault and monitoring resources. The bot resource itself is global.')
param location string = resourceGroup().location

@description('Short prefix for resource names (lowercase letters and digits).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'teamsplans'

@description('Web app name: the bot endpoint is https://<appName>.azurewebsites.net/api/messages. Globally unique.')
@minLength(2)
@maxLength(60)
param appName string = '${namePrefix}-${uniqueString(resourceGroup().id)}'

@description('App Service plan SKU (B1 minimum: Always On keeps the reminder and sync workers running).')
param appServiceSkuName string = 'B1'

@description('App Service instances. More than one is safe: the state store is PostgreSQL and the work queue uses leases.')
@minValue(1)
@maxValue(10)
param appServiceInstanceCount int = 1

@description('Bot identity: SingleTenant (an app registration with a client secret) or UserAssignedMSI (a managed identity created here, no secret).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('Application (client) id of the bot app registration (az ad app create). Required for SingleTenant; ignored for UserAssignedMSI.')
param botAppId string = ''

@description('Client secret of the bot app registration (SingleTenant). Stored in Key Vault only.')
@secure()
param botAppPassword string = ''

@description('Entra tenant of the school; the bot only serves this tenant.')
param tenantId string = tenant().tenantId

@description('Further tenants the bot may serve (Tenants__Allowed__N); the deployment tenant is always allowed.')
param additionalAllowedTenantIds string[] = []

@description('Azure Bot pricing tier (F0 is enough for the Teams channel).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('graph = SharePoint/Planner sync through Microsoft Graph; local = no Graph calls (evaluation only).')
@allowed([
  'graph'
  'local'
])
param graphSyncMode string = 'graph'

@description('Client id used for Microsoft Graph (application permissions). Empty = the bot app registration (SingleTenant), or the bot managed identity (UserAssignedMSI without graphClientSecret).')
param graphClientId string = ''

@description('Client secret for graphClientId. Empty = the bot client secret (same app registration).')
@secure()
param graphClientSecret string = ''

@description('Microsoft 365 group (team) whose Planner receives the assignments.')
param graphGroupId string = ''

@description('SharePoint site id (host,siteCollectionId,webId) holding the plan library.')
param graphSiteId string = ''

@description('People who become principals (Hiệu trưởng) on first contact: UPNs/e-mails or Entra object ids (Roles__Principals__N).')
param principals string[] = []

@description('People who get the admin role (import plans, resend, settings): UPNs/e-mails or Entra object ids (Roles__Admins__N).')
param admins string[] = []

@description('Id of TeamsPlans in the tenant app catalog (Teams admin center → Manage apps → TeamsPlans → App ID, after the upload). When set, the bot installs itself for assigned members who have not opened it yet (Graph TeamsAppInstallation.ReadWriteSelfForUser.All). Empty: members must add the app first.')
param teamsAppCatalogId string = ''

@description('Region of the PostgreSQL server (defaults to location; choose another if the region has no capacity for the SKU).')
param postgresLocation string = location

@description('PostgreSQL major version.')
@allowed([
  '15'
  '16'
])
param postgresVersion string = '16'

@description('PostgreSQL compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('Tier of postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
@minValue(32)
param postgresStorageSizeGB int = 32

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'teamsplans_admin'

@description('PostgreSQL administrator password (at least 8 characters from three of: upper, lower, digits, symbols).')
@secure()
@minLength(8)
param postgresAdminPassword string

@description('Key Vault purge protection (irreversible once on). Turn off only for throw-away test deployments.')
param keyVaultPurgeProtection bool = true

@description('Tags put on every resource.')
param tags object = {
  app: 'TeamsPlans'
}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var isMsi = botAppType == 'UserAssignedMSI'
var graphEnabled = graphSyncMode == 'graph'
var databaseName = 'teamsplans'

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (isMsi) {
  name: 'id-${namePrefix}-bot'
  location: location
  tags: tags
}

var effectiveBotAppId = isMsi ? botIdentity!.properties.clientId : botAppId
var effectiveGraphClientId = empty(graphClientId) ? botAppId : graphClientId

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: '${namePrefix}-${suffix}'
    tags: tags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: postgresLocation
    serverName: 'psql-${namePrefix}-${suffix}'
    version: postgresVersion
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    databaseName: databaseName
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: 'kv-${take(namePrefix, 6)}-${take(suffix, 13)}'
    botAppPassword: isMsi ? '' : botAppPassword
    graphClientSecret: graphNeedsSecret ? (empty(graphClientSecret) ? botAppPassword : graphClientSecret) : ''
    stateConnectionString: 'Host=${postgres.outputs.fullyQualifiedDomainName};Port=5432;Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
    enablePurgeProtection: keyVaultPurgeProtection
    tags: tags
  }
}

// Names are the app's configuration keys (double underscore = section separator).
var baseSettings = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  // appsettings.json binds 127.0.0.1:3978 for local runs; App Service forwards to port 8080 on every interface.
  Urls: 'http://0.0.0.0:8080'
  WEBSITES_PORT: '8080'
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  // App Service's Application Insights agent (requests, dependencies, logs) for .NET on Linux.
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  Bot__MicrosoftAppId: effectiveBotAppId
  Bot__MicrosoftAppType: botAppType
  Bot__MicrosoftAppTenantId: tenantId
  State__Provider: 'postgres'
  State__ConnectionString: '@Microsoft.KeyVault(SecretUri=${vault.outputs.stateSecretUri})'
  GraphSync__Mode: graphSyncMode
  Tenants__Allowed__0: tenantId
  Delivery__Tenants__0: tenantId
  Telemetry__Enabled: 'true'
}
// No secret given (e.g. TEAMSPLANS_BOT_PASSWORD unset): no dangling Key Vault reference; /healthz then reports the bot check as Degraded.
var botSecretSettings = isMsi || empty(botAppPassword)
  ? {}
  : {
      Bot__MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${vault.outputs.botSecretUri})'
    }
var graphUsesManagedIdentity = isMsi && empty(graphClientSecret)
var graphNeedsSecret = graphEnabled && !graphUsesManagedIdentity && !(empty(graphClientSecret) && empty(botAppPassword))
var graphSettings = !graphEnabled
  ? {}
  : union(
      {
        GraphSync__GroupId: graphGroupId
        GraphSync__SiteId: graphSiteId
        GraphSync__Tenants__0: tenantId
      },
      graphUsesManagedIdentity
        ? {
            // The bot's managed identity calls Graph too (grant it the app roles: docs/deploy.md).
            GraphSync__Auth__ManagedIdentityClientId: effectiveBotAppId
          }
        : union(
            {
              GraphSync__Auth__TenantId: tenantId
              GraphSync__Auth__ClientId: effectiveGraphClientId
            },
            graphNeedsSecret
              ? {
                  GraphSync__Auth__ClientSecret: '@Microsoft.KeyVault(SecretUri=${vault.outputs.graphSecretUri})'
                }
              : {}
          )
    )
var roleSettings = union(
  toObject(range(0, length(principals)), i => 'Roles__Principals__${i}', i => principals[i]),
  toObject(range(0, length(admins)), i => 'Roles__Admins__${i}', i => admins[i])
)
var installSettings = empty(teamsAppCatalogId)
  ? {}
  : {
      Delivery__InstallForUsers: 'true'
      Delivery__TeamsAppCatalogId: teamsAppCatalogId
    }
var extraTenantSettings = toObject(
  range(0, length(additionalAllowedTenantIds)),
  i => 'Tenants__Allowed__${i + 1}',
  i => additionalAllowedTenantIds[i]
)

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    location: location
    planName: 'asp-${namePrefix}-${suffix}'
    appName: appName
    skuName: appServiceSkuName
    instanceCount: appServiceInstanceCount
    userAssignedIdentityId: isMsi ? botIdentity.id : ''
    appSettings: union(baseSettings, botSecretSettings, graphSettings, roleSettings, installSettings, extraTenantSettings)
    tags: tags
  }
}

module vaultAccess 'modules/keyvault-access.bicep' = {
  name: 'keyvault-access'
  params: {
    vaultName: vault.outputs.vaultName
    principalId: app.outputs.principalId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: 'bot-${namePrefix}-${suffix}'
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    msaAppId: effectiveBotAppId
    msaAppType: botAppType
    msaAppTenantId: tenantId
    msaAppMsiResourceId: isMsi ? botIdentity.id : ''
    sku: botSku
    tags: tags
  }
}

@description('Web app name, for `az webapp deploy -n`.')
output appName string = app.outputs.appName
@description('Host name to pass to `package --domain`.')
output appHostName string = app.outputs.defaultHostName
@description('Messaging endpoint registered on the Azure Bot.')
output botEndpoint string = bot.outputs.endpoint
@description('The bot app id to pass to `package --app-id` (for UserAssignedMSI: the managed identity client id).')
output botAppId string = effectiveBotAppId
output keyVaultName string = vault.outputs.vaultName
output postgresServer string = postgres.outputs.fullyQualifiedDomainName
output appInsightsName string = monitoring.outputs.appInsightsName
