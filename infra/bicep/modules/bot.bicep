// Azure Bot resource (kind azurebot) pointing at the web app's /api/messages, with the Microsoft Teams channel on.
@description('Bot resource name (globally unique handle).')
param botName string

@description('Name shown in the Azure portal.')
param displayName string = 'TeamsPlans'

@description('Messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('Entra app (client) id of the bot: the app registration for SingleTenant, the identity client id for UserAssignedMSI.')
param msaAppId string

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param msaAppType string

@description('Entra tenant of the bot identity.')
param msaAppTenantId string

@description('Resource id of the user-assigned identity (UserAssignedMSI only).')
param msaAppMsiResourceId string = ''

@description('F0 (free, standard channels incl. Teams) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: msaAppId
    msaAppType: msaAppType
    msaAppTenantId: msaAppTenantId
    msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msaAppMsiResourceId : null
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      acceptedTerms: true
    }
  }
}

output botName string = bot.name
output endpoint string = bot.properties.endpoint
