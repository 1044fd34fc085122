// App Service on Linux running the bot (.NET 10), with a system-assigned managed identity that reads the
// Key Vault references in its app settings, and optionally the bot's user-assigned identity (UserAssignedMSI bots).
@description('Azure region of the plan and the app.')
param location string

@description('App Service plan name.')
param planName string

@description('Web app name; the bot endpoint becomes https://<appName>.azurewebsites.net/api/messages.')
param appName string

@description('Plan SKU. B1 is the smallest with Always On (the bot runs background reminder and sync workers); use P0v3/P1v3 and instanceCount > 1 to scale out.')
param skuName string = 'B1'

@description('Number of instances (scale-out needs State__Provider=postgres, which this deployment sets).')
@minValue(1)
param instanceCount int = 1

@description('Resource id of a user-assigned identity to attach (the bot identity for UserAssignedMSI), or empty.')
param userAssignedIdentityId string = ''

@description('App settings (name -> value). Secrets are passed as @Microsoft.KeyVault(SecretUri=...) references, never as values.')
param appSettings object

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: empty(userAssignedIdentityId)
    ? {
        type: 'SystemAssigned'
      }
    : {
        type: 'SystemAssigned, UserAssigned'
        userAssignedIdentities: {
          '${userAssignedIdentityId}': {}
        }
      }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet TeamsPlans.Bot.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

output appName string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
